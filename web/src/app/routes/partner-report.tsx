import { useTranslation } from "react-i18next";
import { Page } from "../../components/page";
import { CoupleReport } from "../../features/couple/components/couple-report";

export function PartnerReportRoute() {
  const { t } = useTranslation();
  return (
    <Page title={t("couple.report.title")}>
      <CoupleReport />
    </Page>
  );
}
