import { useState } from "react";
import { Link } from "react-router";
import { useTranslation } from "react-i18next";
import { Button } from "../../../components/button";
import { readBrowserTimeZone } from "../../check-in/api/check-in-api";
import { useAnswerReminderPrompt, useReminders } from "../api/reminders-api";

/**
 * Asked once, after a check-in is saved, while reminders are off and the person never answered:
 * a kind offer, never a default. "Not now" is remembered on the server, so it is not asked again.
 */
export function ReminderPrompt() {
  const { t } = useTranslation();
  const [timeZone] = useState(readBrowserTimeZone);
  const reminders = useReminders(timeZone);
  const answer = useAnswerReminderPrompt();
  if (answer.isSuccess) return <p role="status">{t("reminders.promptNoDone")}</p>;
  if (!reminders.data || reminders.data.hasAnsweredPrompt || reminders.data.settings.enabled) return null;
  return (
    <section aria-labelledby="reminder-prompt-title" className="card">
      <h2 id="reminder-prompt-title">{t("reminders.promptTitle")}</h2>
      <p>{t("reminders.promptBody")}</p>
      <div className="actions">
        <Link className="button button--primary" to="/account/reminders">
          {t("reminders.promptYes")}
        </Link>
        <Button variant="secondary" onClick={() => answer.mutate(timeZone)} busy={answer.isPending}>
          {t("reminders.promptNo")}
        </Button>
      </div>
    </section>
  );
}
