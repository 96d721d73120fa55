import { useTranslation } from "react-i18next";
import { Page } from "../../components/page";

export function TrendsRoute() {
  const { t } = useTranslation();
  return <Page title={t("trends.title")}>{null}</Page>;
}
