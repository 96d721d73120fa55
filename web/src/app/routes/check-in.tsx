import { useTranslation } from "react-i18next";
import { Page } from "../../components/page";
import { CheckInPanel } from "../../features/check-in/components/check-in-panel";

export function CheckInRoute() {
  const { t } = useTranslation();
  return (
    <Page title={t("checkIn.title")}>
      <CheckInPanel />
    </Page>
  );
}
