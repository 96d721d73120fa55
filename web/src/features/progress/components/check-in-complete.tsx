import { Link } from "react-router";
import { useTranslation } from "react-i18next";
import type { CheckInView } from "@mutual/core";
import { useCheckInHistory } from "../../../lib/api/trends-api";
import { useSuggestedPractice } from "./progress-cards";
import { trendSentence } from "./trend-sentence";

/** After a check-in is saved: what was saved, one true sentence about the recent trend, and a next step. */
export function CheckInComplete({ saved }: { saved: CheckInView }) {
  const { t } = useTranslation();
  const history = useCheckInHistory();
  const practice = useSuggestedPractice();
  const { wePulse, mePulse } = saved.answers;
  const points = (history.data?.weeks ?? []).map((week) => ({ week: week.week, wePulse: week.answers.wePulse, mePulse: week.answers.mePulse }));
  return (
    <section aria-labelledby="check-in-complete-title" className="card">
      <h2 id="check-in-complete-title">{t("progress.completeTitle")}</h2>
      {wePulse == null && mePulse == null ? (
        <p>{t("progress.completeNone")}</p>
      ) : (
        <ul>
          {wePulse != null && <li>{`${t("progress.we")}: ${wePulse}`}</li>}
          {mePulse != null && <li>{`${t("progress.me")}: ${mePulse}`}</li>}
        </ul>
      )}
      {history.data && <p>{trendSentence(t, points)}</p>}
      <h3>{t("progress.completeNext")}</h3>
      <p>
        {practice ? (
          <Link to={`/practices/${encodeURIComponent(practice.id)}`}>{practice.title}</Link>
        ) : (
          <Link to="/trends">{t("progress.completeTrends")}</Link>
        )}
      </p>
    </section>
  );
}
