import { useShellText } from "../lib/shell-text";

/** The one "Loading…" line: announced politely to screen readers. */
export function Loading() {
  const t = useShellText();
  return (
    <p className="loading" role="status">
      {t("app.loading")}
    </p>
  );
}
