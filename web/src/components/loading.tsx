import { useTranslation } from "react-i18next";

/** The one "Loading…" line: announced politely to screen readers. */
export function Loading() {
  const { t } = useTranslation();
  return (
    <p className="loading" role="status">
      {t("app.loading")}
    </p>
  );
}
