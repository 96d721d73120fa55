import { useTranslation } from "react-i18next";
import { Page } from "../../components/page";

/** A first help page; the full, operator-replaceable directory follows with the partner journey. */
export function HelpRoute() {
  const { t } = useTranslation();
  return (
    <Page title={t("help.title")}>
      <p className="callout callout--urgent">{t("help.danger")}</p>
      <p>{t("help.intro")}</p>
      <ul>
        <li>{t("help.sos")}</li>
      </ul>
      <p>{t("help.quickExitTip")}</p>
      <p className="muted">{t("help.notDiagnosis")}</p>
    </Page>
  );
}
