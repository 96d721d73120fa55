import { Link } from "react-router";
import { useTranslation } from "react-i18next";
import { Page } from "../../components/page";
import { DIRECTORY_PATH } from "../../lib/paths";
import { HelpResources } from "../../features/help/components/help-resources";

/**
 * Where every "find counselling" nudge leads: it starts with counselling, in calm words, because
 * most who follow such a nudge are not in crisis. Urgent help is one tap away at the top, and
 * the whole "Get help now" page stays where it was.
 */
export function HelpCounsellingRoute() {
  const { t } = useTranslation();
  return (
    <Page title={t("help.counselling.title")}>
      <p className="callout help-urgent-link">
        {t("help.counselling.urgent")} <Link to="/help">{t("help.counselling.urgentLink")}</Link>
      </p>
      <p className="lead">{t("help.counselling.intro")}</p>
      <p>{t("help.counselling.ownOrTogether")}</p>
      <p>{t("help.counselling.unsafe")}</p>
      <p>
        {t("help.counselling.yourCounsellor")} <Link to="/counselling">{t("help.counselling.yourCounsellorLink")}</Link>
      </p>
      <section aria-labelledby="help-directory" className="card">
        <h2 id="help-directory">{t("counselling.directory.helpTitle")}</h2>
        <p>{t("counselling.directory.helpBody")}</p>
        <p>
          <Link to={DIRECTORY_PATH}>{t("counselling.directory.askLink")}</Link>
        </p>
      </section>
      <p className="muted">{t("help.privateWindowTip")}</p>
      <HelpResources categories={["counselling"]} />
    </Page>
  );
}
