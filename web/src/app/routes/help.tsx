import { useTranslation } from "react-i18next";
import { Page } from "../../components/page";
import { HelpResources } from "../../features/help/components/help-resources";

/** Help for anyone, signed in or not: emergency numbers first, then the operator's list of services. */
export function HelpRoute() {
  const { t } = useTranslation();
  return (
    <Page title={t("help.title")}>
      <div className="callout callout--urgent help-emergency">
        <p>{t("help.danger")}</p>
        <div className="help-emergency__actions">
          <a className="button button--danger" href="tel:999">
            {t("help.callPolice")}
          </a>
          <a className="button button--danger" href="tel:995">
            {t("help.callAmbulance")}
          </a>
        </div>
      </div>
      <p>{t("help.intro")}</p>
      <HelpResources />
      <p>{t("help.quickExitTip")}</p>
      <p className="muted">{t("help.notDiagnosis")}</p>
    </Page>
  );
}
