import { useEffect } from "react";
import { Link } from "react-router";
import { useTranslation } from "react-i18next";
import { Alert } from "../../../components/alert";
import { useCheckInHistory } from "../../../lib/api/trends-api";
import { whenIdle } from "../../../components/trends/when-needed";
import { Loading } from "../../../components/loading";

import { MIN_WEEKS_FOR_CHARTS, Signals, TrendCharts, formatNumber } from "../../../components/trends/trend-charts";
import { formatWeekStart } from "../../../components/trends/weeks";
import { LoadError } from "../../../components/load-error";

/** The trends page body: empty and early states, signals, then one chart and table per theme. */
export function TrendsPanel() {
  const { t, i18n } = useTranslation();
  const history = useCheckInHistory();
  const waiting = history.isPending;

  // The first date or number formatter a page builds costs the most (the browser loads its
  // locale data then); building them while the history downloads, each in a task of its own,
  // keeps that out of the long task that shows the charts.
  useEffect(() => {
    if (!waiting) return;
    const language = i18n.language;
    const cancelDates = whenIdle(() => formatWeekStart(0, language));
    const cancelNumbers = whenIdle(() => formatNumber(0, language));
    return () => {
      cancelDates();
      cancelNumbers();
    };
  }, [waiting, i18n.language]);

  if (history.isPending) {
    return <Loading />;
  }
  if (history.isError) {
    return <LoadError message={t("trends.loadError")} retryLabel={t("trends.retry")} query={history} />;
  }
  const { weeks, signals } = history.data;
  if (weeks.length === 0) {
    return (
      <section aria-labelledby="trends-empty" className="card">
        <h2 id="trends-empty">{t("trends.emptyTitle")}</h2>
        <p>{t("trends.empty")}</p>
        <Link className="button button--primary" to="/check-in">
          {t("trends.emptyAction")}
        </Link>
      </section>
    );
  }
  const showCharts = weeks.length >= MIN_WEEKS_FOR_CHARTS;
  return (
    <>
      {showCharts ? <Signals signals={signals} /> : <Alert tone="info">{t("trends.fewWeeks")}</Alert>}
      <TrendCharts weeks={weeks} />
    </>
  );
}
