import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import { listenForExitShortcut, quickExit } from "./quick-exit";

/** The quick-exit control shown on every page, with its keyboard shortcut. */
export function QuickExitButton() {
  const { t } = useTranslation();
  useEffect(() => listenForExitShortcut(() => quickExit()), []);
  return (
    <button type="button" className="button button--exit" onClick={() => quickExit()} aria-label={t("quickExit.label")} title={t("quickExit.hint")}>
      {t("quickExit.button")}
    </button>
  );
}
