import type { Kysely, Transaction } from "kysely";
import {
  defaultReminderSettings,
  localPartsOf,
  moveOutOfQuietHours,
  minuteOfDayOf,
  nextReminderAt,
  reminderWeekOf,
  timeOfMinute,
  REMINDER_CHANNELS,
  textIn,
  type Language,
  type ReminderChannel,
  type ReminderSchedule,
  type ReminderSettings,
  type ReminderState,
} from "@mutual/core";
import type { DB } from "../../db/schema.js";
import { badRequest, conflict } from "../../domain/errors.js";
import type { Clock } from "../../platform/clock.js";
import { weeklyReminderEmail } from "../../platform/email-templates.js";
import { emailText } from "../../platform/email-text.js";
import { canonicalTimeZone, hasCheckInOfWeek } from "../check-in/index.js";
import { cancelPendingNotices, enqueueNotice, type OutboxHandlers, type OutboxRenderer, type PushNotice } from "../outbox/index.js";
import type { ReminderTokens } from "./reminder-token.js";
import { findReminder, listDueReminders, saveReminder, setNextDue, switchReminderOff, type ReminderRow } from "./reminders.repository.js";

export type RemindersDeps = { db: Kysely<DB>; clock: Clock };

export const weeklyReminderKind = "weekly-reminder";
/** The same reminder to the person's devices (decision 060): a row of its own, so each channel goes once and retries alone. */
export const weeklyPushReminderKind = "weekly-reminder-push";
const weeklyReminderKinds = [weeklyReminderKind, weeklyPushReminderKind];

/** The stored channel, read as one we know (email for anything else). */
function channelOf(row: { channel: string }): ReminderChannel {
  return (REMINDER_CHANNELS as readonly string[]).includes(row.channel) ? (row.channel as ReminderChannel) : "email";
}
const sendsEmail = (row: { channel: string }) => channelOf(row) !== "push";
const sendsPush = (row: { channel: string }) => channelOf(row) !== "email";
/** A weekly reminder still unsent this long after its time is not sent: it would arrive on the wrong day. */
const weeklyReminderLifetimeMs = 12 * 60 * 60_000;
/** How many due reminders one round turns into outbox rows; the rest are next round's. */
const dueBatch = 500;

/** The zone's canonical IANA name, or 400 INVALID_TIME_ZONE. */
function requireTimeZone(timeZone: string): string {
  const canonical = canonicalTimeZone(timeZone);
  if (canonical === undefined) {
    throw badRequest("INVALID_TIME_ZONE", "That time zone is not one we know. Use an IANA name such as Asia/Singapore.", [
      { path: "timeZone", message: "unknown time zone" },
    ]);
  }
  return canonical;
}

function scheduleOf(row: ReminderRow & { timeZone: string }): ReminderSchedule {
  const quietHours = row.quietStart !== null && row.quietEnd !== null ? { startMinute: row.quietStart, endMinute: row.quietEnd } : null;
  return { weekday: row.weekday, minuteOfDay: row.minuteOfDay, timeZone: row.timeZone, quietHours };
}

function stateOf(row: ReminderRow | undefined, fallbackZone: string): ReminderState {
  if (row === undefined) return { settings: defaultReminderSettings(fallbackZone), nextAt: null, isSnoozed: false, hasAnsweredPrompt: false };
  const settings: ReminderSettings = {
    enabled: row.enabled,
    weekday: row.weekday,
    time: timeOfMinute(row.minuteOfDay),
    timeZone: row.timeZone ?? fallbackZone,
    channel: channelOf(row),
    quietHours: row.quietStart !== null && row.quietEnd !== null ? { start: timeOfMinute(row.quietStart), end: timeOfMinute(row.quietEnd) } : null,
  };
  const nextAt = row.enabled && row.nextDueAtMs !== null ? new Date(row.nextDueAtMs).toISOString() : null;
  return { settings, nextAt, isSnoozed: row.enabled && row.isSnoozed, hasAnsweredPrompt: row.promptAnswered };
}

/** The caller's reminder; a person who never chose gets the defaults (off) in the zone their browser gave. */
export async function getReminderState(deps: RemindersDeps, userId: string, browserZone: string): Promise<ReminderState> {
  return stateOf(await findReminder(deps.db, userId), requireTimeZone(browserZone));
}

/** Replaces the caller's reminder settings; the next time is worked out from now. Turning them off cancels what is waiting. */
export async function putReminderSettings(deps: RemindersDeps, userId: string, settings: ReminderSettings): Promise<ReminderState> {
  const timeZone = requireTimeZone(settings.timeZone);
  const nowMs = deps.clock.now().getTime();
  const row: ReminderRow & { timeZone: string } = {
    userId,
    enabled: settings.enabled,
    weekday: settings.weekday,
    minuteOfDay: minuteOfDayOf(settings.time),
    timeZone,
    channel: settings.channel,
    quietStart: settings.quietHours ? minuteOfDayOf(settings.quietHours.start) : null,
    quietEnd: settings.quietHours ? minuteOfDayOf(settings.quietHours.end) : null,
    nextDueAtMs: null,
    isSnoozed: false,
    promptAnswered: true,
  };
  row.nextDueAtMs = settings.enabled ? nextReminderAt(scheduleOf(row), nowMs) : null;
  await deps.db.transaction().execute(async (trx) => {
    await saveReminder(trx, row, nowMs);
    if (!settings.enabled) await cancelPendingNotices(trx, userId, weeklyReminderKinds, nowMs);
  });
  return stateOf(row, timeZone);
}

/** Skips the next reminder: the one after it is the next. 409 while reminders are off. */
export async function snoozeReminder(deps: RemindersDeps, userId: string): Promise<ReminderState> {
  const nowMs = deps.clock.now().getTime();
  return deps.db.transaction().execute(async (trx) => {
    const row = await findReminder(trx, userId);
    if (!row?.enabled || row.timeZone === null || row.nextDueAtMs === null)
      throw conflict("REMINDERS_OFF", "Reminders are off, so there is nothing to snooze.");
    const schedule = scheduleOf({ ...row, timeZone: row.timeZone });
    const updated = { ...row, nextDueAtMs: nextReminderAt(schedule, Math.max(row.nextDueAtMs, nowMs)), isSnoozed: true };
    await saveReminder(trx, updated, nowMs);
    // A reminder already due and waiting to go is part of the week they skipped.
    await cancelPendingNotices(trx, userId, weeklyReminderKinds, nowMs);
    return stateOf(updated, row.timeZone);
  });
}

/** The person answered the one-time question after their first check-in ("not now"): it is not asked again. */
export async function answerReminderPrompt(deps: RemindersDeps, userId: string, browserZone: string): Promise<ReminderState> {
  const zone = requireTimeZone(browserZone);
  const nowMs = deps.clock.now().getTime();
  return deps.db.transaction().execute(async (trx) => {
    const row = await findReminder(trx, userId);
    const defaults = defaultReminderSettings(zone);
    const updated: ReminderRow = row
      ? { ...row, promptAnswered: true }
      : {
          userId,
          enabled: false,
          weekday: defaults.weekday,
          minuteOfDay: minuteOfDayOf(defaults.time),
          timeZone: null,
          channel: defaults.channel,
          quietStart: null,
          quietEnd: null,
          nextDueAtMs: null,
          isSnoozed: false,
          promptAnswered: true,
        };
    await saveReminder(trx, updated, nowMs);
    return stateOf(updated, zone);
  });
}

/**
 * The one-click unsubscribe (RFC 8058): with a valid token, that person's reminder is off and what
 * was waiting is cancelled; nothing else changes. False for a token we did not sign.
 */
export async function unsubscribeWithToken(deps: RemindersDeps & { tokens: ReminderTokens }, token: string): Promise<boolean> {
  const userId = deps.tokens.verify(token);
  if (userId === undefined) return false;
  const nowMs = deps.clock.now().getTime();
  await deps.db.transaction().execute(async (trx) => {
    await switchReminderOff(trx, userId, nowMs);
    await cancelPendingNotices(trx, userId, weeklyReminderKinds, nowMs);
  });
  return true;
}

/**
 * In the outbox round's transaction: every reminder whose time has come becomes one outbox row
 * (one per person and week, by its key) and its next time moves a week on, together. A server
 * that was down for weeks writes one row for the latest time, not one per missed week.
 */
async function writeDueReminders(trx: Transaction<DB>, nowMs: number): Promise<number> {
  let written = 0;
  for (const row of await listDueReminders(trx, nowMs, dueBatch)) {
    if (row.timeZone === null || row.nextDueAtMs === null) continue;
    const schedule = scheduleOf({ ...row, timeZone: row.timeZone });
    let dueMs = row.nextDueAtMs;
    // Catch up to the latest time that has passed, so only that week gets a row.
    for (let next = nextReminderAt(schedule, dueMs); next <= nowMs; next = nextReminderAt(schedule, dueMs)) dueMs = next;
    const week = reminderWeekOf(dueMs, row.timeZone);
    const kinds = [...(sendsEmail(row) ? [weeklyReminderKind] : []), ...(sendsPush(row) ? [weeklyPushReminderKind] : [])];
    for (const kind of kinds) {
      const isNew = await enqueueNotice(
        trx,
        {
          userId: row.userId,
          kind,
          dedupeKey: `${kind}:${row.userId}:${week}`,
          referenceId: week,
          dueAtMs: dueMs,
          expiresAtMs: dueMs + weeklyReminderLifetimeMs,
        },
        nowMs,
      );
      if (isNew) written += 1;
    }
    await setNextDue(trx, row.userId, nextReminderAt(schedule, dueMs));
  }
  return written;
}

/** The weekly reminder's email, decided when it is sent: not while reminders are off, nor once the week's check-in is done. */
function weeklyReminderRenderer(options: { publicUrl: string; tokens: ReminderTokens }): OutboxRenderer {
  return async (db, message, _nowMs, language) => {
    const row = await findReminder(db, message.userId);
    if (!row?.enabled || !sendsEmail(row)) return null;
    if (message.referenceId !== null && (await hasCheckInOfWeek(db, message.userId, message.referenceId))) return null;
    const base = options.publicUrl.replace(/\/+$/, "");
    const unsubscribeUrl = `${base}/unsubscribe/reminders?token=${options.tokens.sign(message.userId)}`;
    const content = weeklyReminderEmail({ openUrl: `${base}/check-in`, settingsUrl: `${base}/account/reminders`, language });
    return { ...content, headers: { "List-Unsubscribe": `<${unsubscribeUrl}>`, "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" } };
  };
}

/** The text every weekly push carries: the same neutral words as the email, in the person's language, and a link only. */
export function weeklyPushNotice(language: Language = "en"): PushNotice {
  return { push: { title: textIn(emailText, language)("weekly.subject"), url: "/check-in", lang: language } };
}

/** The weekly reminder for the person's devices, decided when it is sent, like the email. */
const weeklyPushRenderer: OutboxRenderer = async (db, message, _nowMs, language) => {
  const row = await findReminder(db, message.userId);
  if (!row?.enabled || !sendsPush(row)) return null;
  if (message.referenceId !== null && (await hasCheckInOfWeek(db, message.userId, message.referenceId))) return null;
  return weeklyPushNotice(language);
};

/** What the outbox needs to deliver weekly reminders: the producer of due rows, the email and the push for one. */
export function reminderOutboxHandlers(options: { publicUrl: string; tokens: ReminderTokens }): OutboxHandlers {
  return {
    producers: [writeDueReminders],
    renderers: { [weeklyReminderKind]: weeklyReminderRenderer(options), [weeklyPushReminderKind]: weeklyPushRenderer },
  };
}

const icsWeekdays = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"] as const;

/**
 * The person's weekly time as a calendar file (.ics), for any calendar app: one event that repeats
 * every week on their day, at their time, with a neutral title and the link, and nothing about them.
 * The time is "floating" (no zone attached): it stays at that wall-clock time wherever their calendar
 * is, across daylight-saving changes. 409 until they have chosen a day and time.
 */
export async function reminderCalendar(deps: RemindersDeps, userId: string, publicUrl: string, language: Language = "en"): Promise<string> {
  const say = textIn(emailText, language);
  const row = await findReminder(deps.db, userId);
  if (!row || row.timeZone === null) throw conflict("NO_REMINDER_TIME", "Choose a day and time for your reminder first.");
  const { default: ical, ICalEventRepeatingFreq, ICalWeekday } = await import("ical-generator");
  const nowMs = deps.clock.now().getTime();
  const first = localPartsOf(nextReminderAt({ ...scheduleOf({ ...row, timeZone: row.timeZone }), quietHours: null }, nowMs), row.timeZone);
  // The local wall time written as if it were UTC: with `floating`, the library writes it as is, with no zone.
  const start = new Date(Date.UTC(first.year, first.month - 1, first.day, Math.floor(first.minuteOfDay / 60), first.minuteOfDay % 60));
  const calendar = ical({ prodId: { company: "Mutual", product: "Weekly moment" }, name: say("calendar.name") });
  calendar.createEvent({
    start,
    end: new Date(start.getTime() + 15 * 60_000),
    floating: true,
    stamp: new Date(nowMs),
    summary: say("calendar.title"),
    url: `${publicUrl.replace(/\/+$/, "")}/check-in`,
    repeating: { freq: ICalEventRepeatingFreq.WEEKLY, byDay: [ICalWeekday[icsWeekdays[row.weekday - 1] ?? "MO"]] },
  });
  return calendar.toString();
}

/** For the person's data export: their reminder as set, or null when they never chose anything. */
export async function getReminderForExport(db: Kysely<DB>, userId: string): Promise<ReminderState | null> {
  const row = await findReminder(db, userId);
  return row ? stateOf(row, row.timeZone ?? "UTC") : null;
}

/** The channel the person chose for notices (email, push or both); email when they never chose (decision 071). */
export async function noticeChannelOf(db: Kysely<DB>, userId: string): Promise<ReminderChannel> {
  const row = await findReminder(db, userId);
  return row ? channelOf(row) : "email";
}

/** An instant moved out of the person's quiet hours, if they set any (for other features' notices to them). */
export async function outOfQuietHours(db: Kysely<DB>, userId: string, instantMs: number): Promise<number> {
  const row = await findReminder(db, userId);
  if (!row || row.timeZone === null || row.quietStart === null || row.quietEnd === null) return instantMs;
  return moveOutOfQuietHours(instantMs, { startMinute: row.quietStart, endMinute: row.quietEnd }, row.timeZone);
}
