import { useParams } from "react-router";
import { useTranslation } from "react-i18next";
import { Page } from "../../components/page";
import { JoinPractice } from "../../features/counselling-practice/components/join-practice";

export function PracticeJoinRoute() {
  const { t } = useTranslation();
  const { invitationId = "" } = useParams();
  return (
    <Page title={t("counsellingPractice.join.title")} narrow>
      <JoinPractice invitationId={invitationId} />
    </Page>
  );
}
