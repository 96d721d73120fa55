import { useState } from "react";
import { Link } from "react-router";
import { useTranslation } from "react-i18next";
import { readBrowserTimeZone } from "../../../lib/api/check-in-api";
import { useReminders } from "../../../lib/api/reminders-api";
import { formatReminderTime } from "../../../lib/reminder-format";

/** The account page's short card: whether the reminder is on and when it comes next, with the way to change it. */
export function ReminderSummary() {
  const { t, i18n } = useTranslation();
  const [timeZone] = useState(readBrowserTimeZone);
  const reminders = useReminders(timeZone);
  const state = reminders.data;
  return (
    <section aria-labelledby="account-reminders" className="card">
      <h2 id="account-reminders">{t("reminders.accountTitle")}</h2>
      {state && (
        <p>
          {state.nextAt
            ? t("reminders.accountOn", { when: formatReminderTime(state.nextAt, state.settings.timeZone, i18n.language) })
            : t("reminders.accountOff")}
        </p>
      )}
      <p>
        <Link to="/account/reminders">{t("reminders.accountLink")}</Link>
      </p>
    </section>
  );
}
