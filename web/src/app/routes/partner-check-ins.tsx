import { useTranslation } from "react-i18next";
import { Page } from "../../components/page";
import { PartnerCheckIns } from "../../features/couple/components/partner-views";

export function PartnerCheckInsRoute() {
  const { t } = useTranslation();
  return (
    <Page title={t("couple.partnerCheckIns.title")}>
      <PartnerCheckIns />
    </Page>
  );
}
