import { useTranslation } from "react-i18next";
import { Page } from "../../components/page";

export function PracticesRoute() {
  const { t } = useTranslation();
  return <Page title={t("practices.title")}>{null}</Page>;
}
