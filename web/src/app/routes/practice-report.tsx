import { Link, useParams } from "react-router";
import { useTranslation } from "react-i18next";
import { Page } from "../../components/page";
import { ClientReport } from "../../features/practice-report/components/client-report";

export function PracticeReportRoute() {
  const { t } = useTranslation();
  const { practiceId = "", clientId = "" } = useParams();
  return (
    <Page title={t("practiceReport.title")}>
      <ClientReport practiceId={practiceId} clientId={clientId} />
      <p>
        <Link to={`/practice/${encodeURIComponent(practiceId)}`}>{t("counsellingPractice.title")}</Link>
      </p>
    </Page>
  );
}
