import { useEffect, useRef, useState } from "react";
import { Link } from "react-router";
import { useTranslation } from "react-i18next";
import { Button } from "../../../components/button";
import { requestJson } from "../../../lib/api-client";
import { readBrowserTimeZone } from "../../../lib/api/check-in-api";
import { useReminders } from "../../../lib/api/reminders-api";

/**
 * Asked once, after a check-in is saved, while reminders are off and the person was never asked:
 * a kind offer, never a default. Showing it counts as asking (the server remembers), so it does
 * not come back after the next check-in, whatever the person does with it.
 */
export function ReminderPrompt() {
  const { t } = useTranslation();
  const [timeZone] = useState(readBrowserTimeZone);
  const reminders = useReminders(timeZone);
  const [isDismissed, setIsDismissed] = useState(false);
  const wasAsked = useRef(false);
  const shouldAsk = reminders.data !== undefined && !reminders.data.hasAnsweredPrompt && !reminders.data.settings.enabled;
  const [isShown, setIsShown] = useState(false);
  useEffect(() => {
    if (!shouldAsk || wasAsked.current) return;
    wasAsked.current = true;
    setIsShown(true);
    // Not through the query cache: the card stays while the person reads it.
    void requestJson("/api/reminders/prompt-answered", { method: "POST", body: { timeZone } }).catch(() => undefined);
  }, [shouldAsk, timeZone]);
  if (isDismissed) return <p role="status">{t("reminders.promptNoDone")}</p>;
  if (!isShown) return null;
  return (
    <section aria-labelledby="reminder-prompt-title" className="card">
      <h2 id="reminder-prompt-title">{t("reminders.promptTitle")}</h2>
      <p>{t("reminders.promptBody")}</p>
      <div className="actions">
        <Link className="button button--primary" to="/account/reminders">
          {t("reminders.promptYes")}
        </Link>
        <Button variant="secondary" onClick={() => setIsDismissed(true)}>
          {t("reminders.promptNo")}
        </Button>
      </div>
    </section>
  );
}
