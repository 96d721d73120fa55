import { useTranslation } from "react-i18next";

/** What shows while a page's code is on its way (usually a blink). */
export function RouteLoading() {
  const { t } = useTranslation();
  return (
    <p className="loading" role="status">
      {t("app.loading")}
    </p>
  );
}
