import { useState } from "react";
import { Link } from "react-router";
import { useTranslation } from "react-i18next";
import { Alert } from "../../../components/alert";
import { Button } from "../../../components/button";
import { readBrowserTimeZone } from "../../../lib/api/check-in-api";
import { useExercises } from "../../../lib/api/exercises-api";
import { useReminders } from "../../../lib/api/reminders-api";
import { formatReminderTime } from "../../../lib/reminder-format";
import { useCheckInHistory } from "../../../lib/api/trends-api";
import { useDeclineRequest, useOpenRequests } from "../api/requests-api";
import { PulseChart, type PulsePoint } from "./pulse-chart";
import { trendSentence } from "./trend-sentence";
import { intlLocale } from "../../../lib/language";

/** How many of the latest check-ins the home page draws. */
const shownWeeks = 8;

/** The last weeks of the person's own pulse, drawn and as a table, with one sentence about its direction. */
export function PulseCard() {
  const { t } = useTranslation();
  const history = useCheckInHistory();
  if (history.isPending) return null;
  if (history.isError) return null;
  const points: PulsePoint[] = history.data.weeks
    .slice(-shownWeeks)
    .map((week) => ({ week: week.week, wePulse: week.answers.wePulse, mePulse: week.answers.mePulse }));
  return (
    <section aria-labelledby="pulse-card-title" className="card">
      <h2 id="pulse-card-title">{t("progress.pulseTitle")}</h2>
      {points.length === 0 ? (
        <p>{t("progress.pulseEmpty")}</p>
      ) : (
        <>
          <PulseChart points={points} />
          <p>{trendSentence(t, points)}</p>
        </>
      )}
    </section>
  );
}

/** The counsellor's open requests, each with the way to do it and a way to say no. Nothing when there are none. */
export function RequestsCard() {
  const { t, i18n } = useTranslation();
  const requests = useOpenRequests();
  const decline = useDeclineRequest();
  const open = requests.data?.requests ?? [];
  if (open.length === 0) return null;
  return (
    <section aria-labelledby="requests-card-title" className="card">
      <h2 id="requests-card-title">{t("progress.requestsTitle")}</h2>
      <ul className="plain-list">
        {open.map((request) => (
          <li key={request.id}>
            <p>
              {t(request.kind === "check-in" ? "progress.requestCheckIn" : "progress.requestProfile", { name: request.counsellorName })}
              {request.expiresAt && (
                <>
                  {" "}
                  {t("progress.requestUntil", {
                    when: new Intl.DateTimeFormat(intlLocale(i18n.language), { weekday: "long", day: "numeric", month: "long" }).format(
                      new Date(request.expiresAt),
                    ),
                  })}
                </>
              )}
            </p>
            <div className="actions">
              <Link className="button button--primary" to={request.kind === "check-in" ? "/check-in" : "/assessment"}>
                {t(request.kind === "check-in" ? "progress.requestDoCheckIn" : "progress.requestDoProfile")}
              </Link>
              <Button variant="secondary" onClick={() => decline.mutate(request.id)} busy={decline.isPending && decline.variables === request.id}>
                {t("progress.requestDecline")}
              </Button>
            </div>
          </li>
        ))}
      </ul>
      {decline.isError && <Alert tone="error">{t("progress.requestDeclineError")}</Alert>}
    </section>
  );
}

/** When the next reminder comes, or that reminders are off, with the way to change it. */
export function NextReminderCard() {
  const { t, i18n } = useTranslation();
  const [timeZone] = useState(readBrowserTimeZone);
  const reminders = useReminders(timeZone);
  if (!reminders.data) return null;
  const { nextAt, settings } = reminders.data;
  return (
    <section aria-labelledby="reminder-card-title" className="card">
      <h2 id="reminder-card-title">{t("progress.reminderTitle")}</h2>
      <p>{nextAt ? t("progress.reminderNext", { when: formatReminderTime(nextAt, settings.timeZone, i18n.language) }) : t("progress.reminderOff")}</p>
      <p>
        <Link to="/account/reminders">{t("progress.reminderLink")}</Link>
      </p>
    </section>
  );
}

/** One practice to try: the first one suggested for the person's profile, else the first open to them. */
export function useSuggestedPractice() {
  const exercises = useExercises();
  const list = exercises.data?.exercises ?? [];
  return list.find((exercise) => exercise.isSuggested && !exercise.isHeldBack) ?? list.find((exercise) => !exercise.isHeldBack) ?? null;
}

export function SuggestedPracticeCard() {
  const { t } = useTranslation();
  const practice = useSuggestedPractice();
  if (!practice) return null;
  return (
    <section aria-labelledby="practice-card-title" className="card">
      <h2 id="practice-card-title">{t("progress.practiceTitle")}</h2>
      <p>
        <strong>{practice.title}</strong>
        <br />
        {practice.summary} {t("progress.practiceMinutes", { count: practice.minutes })}
      </p>
      <Link className="button button--secondary" to={`/practices/${encodeURIComponent(practice.id)}`}>
        {t("progress.practiceOpen")}
      </Link>
    </section>
  );
}
