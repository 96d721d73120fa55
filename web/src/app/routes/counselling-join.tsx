import { Link } from "react-router";
import { useTranslation } from "react-i18next";
import { Page } from "../../components/page";
import { JoinCounselling } from "../../features/counselling/components/join-counselling";

export function CounsellingJoinRoute() {
  const { t } = useTranslation();
  return (
    <Page title={t("counselling.join.title")} narrow>
      <JoinCounselling />
      <p>
        <Link to="/counselling">{t("counselling.title")}</Link>
      </p>
    </Page>
  );
}
