import { Link, useSearchParams } from "react-router";
import { useTranslation } from "react-i18next";
import { Alert } from "../../components/alert";
import { Page } from "../../components/page";
import { MyCounsellors } from "../../features/counselling/components/my-counsellors";

export function CounsellingRoute() {
  const { t } = useTranslation();
  const [search] = useSearchParams();
  return (
    <Page title={t("counselling.title")}>
      <p className="lead">{t("counselling.intro")}</p>
      {search.get("joined") === "1" && <Alert tone="success">{t("counselling.mine.joined")}</Alert>}
      <MyCounsellors />
      <section aria-labelledby="counselling-have-code" className="card">
        <h2 id="counselling-have-code">{t("counselling.haveCode.title")}</h2>
        <p>{t("counselling.join.intro")}</p>
        <p>
          <Link to="/counselling/join">{t("counselling.haveCode.submit")}</Link>
        </p>
      </section>
      <p>
        <Link to="/account/data-views">{t("account.dataViewsLink")}</Link>
      </p>
    </Page>
  );
}
