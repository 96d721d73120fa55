import { useCallback, useMemo, type ReactNode } from "react";
import { Link } from "react-router";
import { useTranslation } from "react-i18next";
import type { UseQueryResult } from "@tanstack/react-query";
import { Alert } from "../../../components/alert";
import { Loading } from "../../../components/loading";
import { Signals, TrendCharts, type ChartKey, type Metric, type SignalWording, type TrendWording } from "../../../components/trends/trend-charts";
import { usePartnerCheckIns, usePartnerExercises, type PartnerCheckInsResponse, type PartnerExercisesResponse } from "../../../lib/api/couple-api";
import { errorCodeOf, formatDate } from "./format";
import { LoadError } from "../../../components/load-error";

/** Loading, "not shared with you right now", "not linked" and other errors, the same way on every partner view. */
function PartnerQuery<T>({ query, loadError, children }: { query: UseQueryResult<T>; loadError: string; children: (data: T) => ReactNode }) {
  const { t } = useTranslation();
  let body: ReactNode;
  if (query.isPending) body = <Loading />;
  else if (query.isError) {
    const code = errorCodeOf(query.error);
    body =
      code === "NOT_SHARED" ? (
        <Alert tone="info">{t("couple.notShared")}</Alert>
      ) : code === "NOT_LINKED" ? (
        <Alert tone="info">{t("couple.notLinkedView")}</Alert>
      ) : (
        <LoadError message={loadError} retryLabel={t("couple.retry")} query={query} />
      );
  } else body = children(query.data);
  return (
    <>
      {body}
      <p>
        <Link to="/partner">{t("couple.backToPartner")}</Link>
      </p>
    </>
  );
}

/** The partner's shared check-in numbers, drawn with the same charts and tables as one's own trends. */
export function PartnerCheckIns() {
  const { t } = useTranslation();
  const query = usePartnerCheckIns();
  return (
    <PartnerQuery query={query} loadError={t("couple.partnerCheckIns.loadError")}>
      {(data) => <PartnerCheckInsBody data={data} />}
    </PartnerQuery>
  );
}

function PartnerCheckInsBody({ data }: { data: PartnerCheckInsResponse }) {
  const { t } = useTranslation();
  const name = data.partner.name;
  const description = useCallback((key: ChartKey) => t(`couple.partnerCheckIns.descriptions.${key}`, { name }), [t, name]);
  const series = useCallback(
    (metric: Metric) => (metric === "backedPartner" || metric === "feltBacked" ? t(`couple.partnerCheckIns.series.${metric}`) : t(`trends.series.${metric}`)),
    [t],
  );
  const wording = useMemo<TrendWording>(() => ({ description, series }), [description, series]);
  // The same signals the partner sees on their own trends, in words about them, not "you".
  const signalWording: SignalWording = {
    intro: t("couple.partnerCheckIns.signalsIntro", { name }),
    none: t("couple.partnerCheckIns.noSignals", { name }),
    meaning: (id) => t(`couple.partnerCheckIns.signalMeaning.${id}`, { name }),
  };
  if (data.weeks.length === 0) return <p>{t("couple.partnerCheckIns.empty", { name })}</p>;
  return (
    <>
      <p className="lead">{t("couple.partnerCheckIns.intro", { name })}</p>
      <Signals signals={data.signals} wording={signalWording} />
      <TrendCharts weeks={data.weeks} wording={wording} />
    </>
  );
}

/** Which exercises the partner completed, and when. */
export function PartnerExercises() {
  const { t } = useTranslation();
  const query = usePartnerExercises();
  return (
    <PartnerQuery query={query} loadError={t("couple.partnerExercises.loadError")}>
      {(data) => <PartnerExercisesBody data={data} />}
    </PartnerQuery>
  );
}

function PartnerExercisesBody({ data }: { data: PartnerExercisesResponse }) {
  const { t, i18n } = useTranslation();
  const name = data.partner.name;
  if (data.completed.length === 0) return <p>{t("couple.partnerExercises.empty", { name })}</p>;
  const newestFirst = [...data.completed].sort((a, b) => b.completedAt.localeCompare(a.completedAt));
  return (
    <>
      <p className="lead">{t("couple.partnerExercises.intro", { name })}</p>
      <ul className="completion-list">
        {newestFirst.map((entry) => (
          <li key={`${entry.exerciseId}-${entry.completedAt}`} className="completion">
            <h2 className="completion__title">{entry.title}</h2>
            <p className="muted">{t(`practices.practice.${entry.practice}.title`)}</p>
            <p>{t("couple.partnerExercises.completedOn", { date: formatDate(entry.completedAt, i18n.language) })}</p>
          </li>
        ))}
      </ul>
    </>
  );
}
