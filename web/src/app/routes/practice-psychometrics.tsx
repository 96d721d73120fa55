import { Link, useParams } from "react-router";
import { useTranslation } from "react-i18next";
import { Page } from "../../components/page";
import { PracticePsychometrics } from "../../features/practice-psychometrics/components/practice-psychometrics";

export function PracticePsychometricsRoute() {
  const { t } = useTranslation();
  const { practiceId = "" } = useParams();
  return (
    <Page title={t("practicePsychometrics.title")} wide>
      <PracticePsychometrics practiceId={practiceId} />
      <p>
        <Link to={`/practice/${encodeURIComponent(practiceId)}`}>{t("counsellingPractice.title")}</Link>
      </p>
    </Page>
  );
}
