import { useTranslation } from "react-i18next";
import { Page } from "../../components/page";
import { PartnerPanel } from "../../features/couple/components/partner-panel";

export function PartnerRoute() {
  const { t } = useTranslation();
  return (
    <Page title={t("couple.title")}>
      <PartnerPanel />
    </Page>
  );
}
