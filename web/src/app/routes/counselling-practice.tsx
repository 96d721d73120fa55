import { Link, useParams } from "react-router";
import { useTranslation } from "react-i18next";
import { Page } from "../../components/page";
import { usePractice } from "../../lib/api/practice-api";
import { PracticeDetail } from "../../features/counselling-practice/components/practice-detail";

export function CounsellingPracticeRoute() {
  const { t } = useTranslation();
  const { practiceId = "" } = useParams();
  // The same query the detail reads (one request): the page is titled with the practice's name.
  const practice = usePractice(practiceId);
  return (
    <Page title={practice.data?.practice.name ?? t("counsellingPractice.title")}>
      <PracticeDetail practiceId={practiceId} />
      <p>
        <Link to="/practice">{t("counsellingPractice.list.title")}</Link>
      </p>
    </Page>
  );
}
