import { Link } from "react-router";
import { useTranslation } from "react-i18next";
import { Page } from "../../components/page";
import { DataViewsList } from "../../features/data-views/components/data-views-list";

export function DataViewsRoute() {
  const { t } = useTranslation();
  return (
    <Page title={t("dataViews.title")}>
      <p className="lead">{t("dataViews.intro")}</p>
      <DataViewsList />
      <p>
        <Link to="/account">{t("dataViews.backToAccount")}</Link>
      </p>
    </Page>
  );
}
