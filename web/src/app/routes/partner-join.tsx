import { Link } from "react-router";
import { useTranslation } from "react-i18next";
import { Page } from "../../components/page";
import { JoinInvite } from "../../features/couple/components/join-invite";

export function PartnerJoinRoute() {
  const { t } = useTranslation();
  return (
    <Page title={t("couple.join.title")} narrow>
      <JoinInvite />
      <p>
        <Link to="/partner">{t("couple.backToPartner")}</Link>
      </p>
    </Page>
  );
}
