import { Link } from "react-router";
import { useTranslation } from "react-i18next";
import { Alert } from "../../../components/alert";
import { Button } from "../../../components/button";
import { Loading } from "../../../components/loading";
import { useDataViews } from "../api/data-views-api";
import { LoadError } from "../../../components/load-error";
import { intlLocale } from "../../../lib/language";

function formatDateTime(value: string, language: string): string {
  return new Intl.DateTimeFormat(intlLocale(language), { dateStyle: "medium", timeStyle: "short" }).format(new Date(value));
}

/** The "who viewed my data" list: who, which part, every time they looked (in the reader's own time), newest first. */
export function DataViewsList() {
  const { t, i18n } = useTranslation();
  const views = useDataViews();

  if (views.isPending) return <Loading />;
  if (views.isError && !views.data) {
    return <LoadError message={t("dataViews.loadError")} retryLabel={t("dataViews.retry")} query={views} />;
  }
  const entries = views.data.pages.flatMap((page) => page.views);
  if (entries.length === 0) return <p>{t("dataViews.empty")}</p>;
  return (
    <>
      <ul className="data-views" aria-label={t("dataViews.listLabel")}>
        {entries.map((view) => (
          <li key={view.id} className="data-views__item">
            <p>
              {t("dataViews.entry", { name: view.viewer.name, role: t(`dataViews.roles.${view.viewer.role}`), scope: t(`dataViews.scopes.${view.scope}`) })}
            </p>
            {/* Every sitting within one short window shares an entry (decision 064); each keeps its time. */}
            <p className="muted">
              {view.sittings.map((at, index) => (
                <span key={`${at}-${index}`}>
                  {index > 0 && ", "}
                  <time dateTime={at}>{formatDateTime(at, i18n.language)}</time>
                </span>
              ))}
            </p>
          </li>
        ))}
      </ul>
      {views.isFetchNextPageError && <Alert tone="error">{t("dataViews.olderError")}</Alert>}
      {views.hasNextPage && (
        <div className="actions">
          <Button variant="secondary" onClick={() => void views.fetchNextPage()} busy={views.isFetchingNextPage}>
            {views.isFetchingNextPage ? t("dataViews.loadingOlder") : t("dataViews.showOlder")}
          </Button>
        </div>
      )}
      <p>
        <Link to="/partner">{t("dataViews.manageSharing")}</Link>
      </p>
      <p>
        <Link to="/counselling">{t("dataViews.manageCounselling")}</Link>
      </p>
    </>
  );
}
