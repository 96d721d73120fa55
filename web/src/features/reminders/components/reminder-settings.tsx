import { useId, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { Alert } from "../../../components/alert";
import { Button } from "../../../components/button";
import { Loading } from "../../../components/loading";
import { readBrowserTimeZone } from "../../../lib/api/check-in-api";
import { useReminders, useSaveReminders, useSnoozeReminder, type ReminderSettings, type ReminderState } from "../../../lib/api/reminders-api";
import { formatReminderTime, knownTimeZones, weekdayNames } from "../../../lib/reminder-format";

const channels = [
  { value: "email", label: "reminders.channelEmail" },
  { value: "push", label: "reminders.channelPush" },
  { value: "both", label: "reminders.channelBoth" },
] as const;

type PushProblem = "pushUnsupported" | "pushDenied" | "pushError";

/** Makes this device's push match the channel before the settings are saved; a problem stops the save. */
async function matchThisDevice(channel: ReminderSettings["channel"]): Promise<PushProblem | null> {
  const push = await import("../../../lib/push-device");
  if (channel === "email") {
    await push.turnPushOffHere();
    return null;
  }
  const support = push.pushSupport();
  if (support !== "supported") return support === "denied" ? "pushDenied" : "pushUnsupported";
  try {
    return (await push.turnPushOnHere()) ? null : push.pushSupport() === "denied" ? "pushDenied" : "pushError";
  } catch {
    return "pushError";
  }
}

/** The person's weekly reminder: on or off, day and time in their own zone, quiet hours, skip a week. */
export function ReminderSettingsPanel() {
  const { t } = useTranslation();
  const [deviceZone] = useState(readBrowserTimeZone);
  const reminders = useReminders(deviceZone);
  if (reminders.isPending) return <Loading />;
  if (reminders.isError) {
    return (
      <Alert tone="error">
        <p className="alert__text">{t("reminders.loadError")}</p>
        <Button variant="secondary" onClick={() => void reminders.refetch()} busy={reminders.isFetching}>
          {t("reminders.retry")}
        </Button>
      </Alert>
    );
  }
  return <ReminderForm state={reminders.data} deviceZone={deviceZone} />;
}

function ReminderForm({ state, deviceZone }: { state: ReminderState; deviceZone: string }) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const [draft, setDraft] = useState<ReminderSettings>(state.settings);
  const [hasQuiet, setHasQuiet] = useState(state.settings.quietHours !== null);
  const [quiet, setQuiet] = useState(state.settings.quietHours ?? { start: "22:00", end: "07:00" });
  const save = useSaveReminders();
  const snooze = useSnoozeReminder();
  const [pushProblem, setPushProblem] = useState<PushProblem | null>(null);
  const [isMatchingDevice, setMatchingDevice] = useState(false);
  const days = weekdayNames(i18n.language);
  const update = (change: Partial<ReminderSettings>) => {
    setDraft((current) => ({ ...current, ...change }));
    save.reset();
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setPushProblem(null);
    const settings = { ...draft, quietHours: hasQuiet ? quiet : null };
    // Email only with reminders on needs nothing from this device; anything else asks it first.
    if (!settings.enabled || (settings.channel === "email" && state.settings.channel === "email")) {
      save.mutate(settings);
      return;
    }
    setMatchingDevice(true);
    void matchThisDevice(settings.channel)
      .then((problem) => {
        if (problem === null) save.mutate(settings);
        else setPushProblem(problem);
      })
      .finally(() => setMatchingDevice(false));
  };
  const when = state.nextAt ? formatReminderTime(state.nextAt, state.settings.timeZone, i18n.language) : null;
  return (
    <>
      <p role="status" className="reminder-status">
        {when === null ? t("reminders.off") : t(state.isSnoozed ? "reminders.snoozedNext" : "reminders.next", { when })}
      </p>
      {when !== null && (
        <div className="actions">
          <Button variant="secondary" onClick={() => snooze.mutate()} busy={snooze.isPending}>
            {t("reminders.snooze")}
          </Button>
        </div>
      )}
      {snooze.isError && <Alert tone="error">{t("reminders.snoozeError")}</Alert>}
      {when !== null && (
        <p>
          {t("reminders.calendarIntro")}{" "}
          <a href="/api/reminders/calendar.ics" download="weekly-moment.ics">
            {t("reminders.calendarLink")}
          </a>
        </p>
      )}
      <form className="card" onSubmit={submit} noValidate>
        <div className="checkbox">
          <input id={`${id}-on`} type="checkbox" checked={draft.enabled} onChange={(event) => update({ enabled: event.target.checked })} />
          <label htmlFor={`${id}-on`}>{t("reminders.enabled")}</label>
        </div>
        <div className="field">
          <label className="field__label" htmlFor={`${id}-day`}>
            {t("reminders.day")}
          </label>
          <select id={`${id}-day`} className="field__input" value={draft.weekday} onChange={(event) => update({ weekday: Number(event.target.value) })}>
            {days.map((name, index) => (
              <option key={name} value={index + 1}>
                {name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label className="field__label" htmlFor={`${id}-time`}>
            {t("reminders.time")}
          </label>
          <input
            id={`${id}-time`}
            className="field__input"
            type="time"
            required
            value={draft.time}
            onChange={(event) => event.target.value && update({ time: event.target.value })}
          />
        </div>
        <div className="field">
          <label className="field__label" htmlFor={`${id}-zone`}>
            {t("reminders.timeZone")}
          </label>
          <select id={`${id}-zone`} className="field__input" value={draft.timeZone} onChange={(event) => update({ timeZone: event.target.value })}>
            {knownTimeZones(draft.timeZone).map((zone) => (
              <option key={zone} value={zone}>
                {zone}
              </option>
            ))}
          </select>
          {draft.timeZone !== deviceZone && (
            <Button variant="link" onClick={() => update({ timeZone: deviceZone })}>
              {t("reminders.useDeviceZone", { zone: deviceZone })}
            </Button>
          )}
        </div>
        <fieldset className="field">
          <legend className="field__label">{t("reminders.channel")}</legend>
          {channels.map((channel) => (
            <div className="checkbox" key={channel.value}>
              <input
                id={`${id}-channel-${channel.value}`}
                type="radio"
                name={`${id}-channel`}
                value={channel.value}
                checked={draft.channel === channel.value}
                onChange={() => update({ channel: channel.value })}
              />
              <label htmlFor={`${id}-channel-${channel.value}`}>{t(channel.label)}</label>
            </div>
          ))}
          <p className="field__hint">{t("reminders.channelAlsoRequests")}</p>
          {draft.channel !== "email" && <p className="field__hint">{t("reminders.pushOtherDevice")}</p>}
        </fieldset>
        <div className="checkbox">
          <input id={`${id}-quiet`} type="checkbox" checked={hasQuiet} onChange={(event) => (setHasQuiet(event.target.checked), save.reset())} />
          <label htmlFor={`${id}-quiet`}>{t("reminders.quietHours")}</label>
        </div>
        {hasQuiet && (
          <div className="reminder-quiet">
            <div className="field">
              <label className="field__label" htmlFor={`${id}-quiet-start`}>
                {t("reminders.quietFrom")}
              </label>
              <input
                id={`${id}-quiet-start`}
                className="field__input"
                type="time"
                value={quiet.start}
                onChange={(event) => event.target.value && setQuiet({ ...quiet, start: event.target.value })}
              />
            </div>
            <div className="field">
              <label className="field__label" htmlFor={`${id}-quiet-end`}>
                {t("reminders.quietUntil")}
              </label>
              <input
                id={`${id}-quiet-end`}
                className="field__input"
                type="time"
                value={quiet.end}
                onChange={(event) => event.target.value && setQuiet({ ...quiet, end: event.target.value })}
              />
            </div>
          </div>
        )}
        <p className="field__hint">{t("reminders.stopHint")}</p>
        {pushProblem !== null && <Alert tone="error">{t(`reminders.${pushProblem}`)}</Alert>}
        {save.isError && <Alert tone="error">{t("reminders.saveError")}</Alert>}
        {save.isSuccess && <Alert tone="success">{t("reminders.saved")}</Alert>}
        <div className="actions">
          <Button type="submit" busy={save.isPending || isMatchingDevice}>
            {save.isPending || isMatchingDevice ? t("reminders.saving") : t("reminders.save")}
          </Button>
        </div>
      </form>
    </>
  );
}
