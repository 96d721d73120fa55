import { Link } from "react-router";
import { useTranslation } from "react-i18next";
import { Page } from "../../components/page";
import { EmergencyCallout } from "../../features/help/components/emergency-callout";
import { HelpResources } from "../../features/help/components/help-resources";

/** Help for anyone, signed in or not: emergency numbers first, then the operator's list of services. */
export function HelpRoute() {
  const { t } = useTranslation();
  return (
    <Page title={t("help.title")}>
      <EmergencyCallout />
      {/* Nothing fixed goes below the list: it arrives after the first paint and would push that text down (a layout shift). */}
      <p className="muted">{t("help.notDiagnosis")}</p>
      <p>{t("help.quickExitTip")}</p>
      <p>{t("help.privateWindowTip")}</p>
      <p>
        <Link to="/help/counselling">{t("help.counsellingLink")}</Link>
      </p>
      <p>{t("help.intro")}</p>
      <HelpResources />
    </Page>
  );
}
