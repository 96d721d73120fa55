import { useTranslation } from "react-i18next";
import { Page } from "../../components/page";
import { TrendsPanel } from "../../features/trends/components/trends-panel";
import { WhoCanSee } from "../../components/sharing/who-can-see";

export function TrendsRoute() {
  const { t } = useTranslation();
  return (
    <Page title={t("trends.title")}>
      <p className="lead">{t("trends.intro")}</p>
      <WhoCanSee subject="check-in-numbers" />
      <TrendsPanel />
    </Page>
  );
}
