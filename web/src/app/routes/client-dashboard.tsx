import { useParams } from "react-router";
import { useTranslation } from "react-i18next";
import { Page } from "../../components/page";
import { ClientDashboard } from "../../features/client-dashboard/components/client-dashboard";

export function ClientDashboardRoute() {
  const { t } = useTranslation();
  const { practiceId = "" } = useParams();
  return (
    <Page title={t("clientDashboard.title")} wide>
      <ClientDashboard practiceId={practiceId} />
    </Page>
  );
}
