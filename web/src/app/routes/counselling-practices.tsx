import { useTranslation } from "react-i18next";
import { Page } from "../../components/page";
import { MyPractices } from "../../features/counselling-practice/components/my-practices";

export function CounsellingPracticesRoute() {
  const { t } = useTranslation();
  return (
    <Page title={t("counsellingPractice.title")}>
      <MyPractices />
    </Page>
  );
}
