import { useParams } from "react-router";
import { useTranslation } from "react-i18next";
import { Page } from "../../components/page";
import { ClientDetail } from "../../features/client-dashboard/components/client-detail";
import { ClientRequestsSection } from "../../features/client-requests/components/client-requests-section";

export function ClientDetailRoute() {
  const { t } = useTranslation();
  const { practiceId = "", clientId = "" } = useParams();
  return (
    <Page title={t("clientDashboard.detail.title")} wide>
      <ClientDetail practiceId={practiceId} clientId={clientId} />
      <ClientRequestsSection practiceId={practiceId} clientId={clientId} />
    </Page>
  );
}
