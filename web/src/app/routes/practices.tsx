import { useTranslation } from "react-i18next";
import { Page } from "../../components/page";
import { PracticeList } from "../../features/practices/components/practice-list";

export function PracticesRoute() {
  const { t } = useTranslation();
  return (
    <Page title={t("practices.title")}>
      <p className="lead">{t("practices.intro")}</p>
      <PracticeList />
    </Page>
  );
}
