// When a weekly reminder is due: a weekday and a time of day as lived in the person's own IANA
// time zone, moved out of their quiet hours. Pure arithmetic with Intl; no clock is read here,
// every function takes the instant it reasons from.
import { computeIsoWeekKey } from "../trends/iso-week.js";

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;

/** A span of the day, in minutes after local midnight, during which nothing is sent; it may wrap past midnight (22:00–07:00). */
export type QuietHours = { startMinute: number; endMinute: number };

/** The person's weekly time: ISO weekday (1 = Monday … 7 = Sunday) and minute of the local day. */
export type ReminderSchedule = {
  weekday: number;
  minuteOfDay: number;
  timeZone: string;
  quietHours: QuietHours | null;
};

type LocalParts = { year: number; month: number; day: number; minuteOfDay: number; weekday: number };

const partFormatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = partFormatters.get(timeZone);
  if (formatter === undefined) {
    formatter = new Intl.DateTimeFormat("en-US", {
      timeZone,
      calendar: "gregory",
      numberingSystem: "latn",
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
    });
    // Bounded: only validated zones reach here, and there are about 600 of them.
    if (partFormatters.size < 1000) partFormatters.set(timeZone, formatter);
  }
  return formatter;
}

/** The local calendar date, minute of the day and ISO weekday of an instant in a time zone. */
export function localPartsOf(instantMs: number, timeZone: string): LocalParts {
  const parts = formatterFor(timeZone).formatToParts(new Date(instantMs));
  const read = (type: Intl.DateTimeFormatPartTypes): number => Number(parts.find((part) => part.type === type)?.value);
  const year = read("year");
  const month = read("month");
  const day = read("day");
  const minuteOfDay = read("hour") * 60 + read("minute");
  const weekday = ((new Date(Date.UTC(year, month - 1, day)).getUTCDay() + 6) % 7) + 1;
  return { year, month, day, minuteOfDay, weekday };
}

/** How far the zone's clocks are ahead of UTC at an instant, in ms. */
function offsetAt(instantMs: number, timeZone: string): number {
  const local = localPartsOf(instantMs, timeZone);
  const asUtc = Date.UTC(local.year, local.month - 1, local.day) + local.minuteOfDay * MINUTE_MS;
  return asUtc - Math.floor(instantMs / MINUTE_MS) * MINUTE_MS;
}

/**
 * The instant a local wall-clock time happens in a zone. A time the clocks skip (the spring
 * change) is read with the offset from before the change, so it lands as far after the gap as it
 * was into it (02:30 in a 02:00→03:00 jump is 03:30); a time that happens twice (the autumn
 * change) is its first occurrence.
 */
export function instantOfLocalTime(date: { year: number; month: number; day: number }, minuteOfDay: number, timeZone: string): number {
  const wall = Date.UTC(date.year, date.month - 1, date.day) + minuteOfDay * MINUTE_MS;
  // The offset half a day earlier is the one before any change near this time.
  const before = offsetAt(wall - DAY_MS / 2, timeZone);
  const first = wall - before;
  const offsetThere = offsetAt(first, timeZone);
  if (offsetThere === before) return first;
  // The clocks changed in between: the time read with the new offset, if it is a real time.
  const second = wall - offsetThere;
  return offsetAt(second, timeZone) === offsetThere ? second : first;
}

/** True when a local minute of the day lies in the quiet span (start included, end not). */
export function isInQuietHours(minuteOfDay: number, quiet: QuietHours): boolean {
  if (quiet.startMinute === quiet.endMinute) return false;
  return quiet.startMinute < quiet.endMinute
    ? minuteOfDay >= quiet.startMinute && minuteOfDay < quiet.endMinute
    : minuteOfDay >= quiet.startMinute || minuteOfDay < quiet.endMinute;
}

/** The instant itself, or, when it falls in the person's quiet hours, the end of those quiet hours. */
export function moveOutOfQuietHours(instantMs: number, quiet: QuietHours | null, timeZone: string): number {
  if (quiet === null) return instantMs;
  const local = localPartsOf(instantMs, timeZone);
  if (!isInQuietHours(local.minuteOfDay, quiet)) return instantMs;
  // The quiet span ends today, or tomorrow when it wrapped past midnight and we are before it.
  const endsTomorrow = quiet.startMinute > quiet.endMinute && local.minuteOfDay >= quiet.startMinute;
  const day = new Date(Date.UTC(local.year, local.month - 1, local.day + (endsTomorrow ? 1 : 0)));
  return instantOfLocalTime({ year: day.getUTCFullYear(), month: day.getUTCMonth() + 1, day: day.getUTCDate() }, quiet.endMinute, timeZone);
}

/** The first moment strictly after `afterMs` when the weekly reminder is due (the chosen local weekday and time, out of quiet hours). */
export function nextReminderAt(schedule: ReminderSchedule, afterMs: number): number {
  const start = localPartsOf(afterMs, schedule.timeZone);
  // Eight days always hold the chosen weekday after `afterMs`, whatever the clocks did.
  for (let offset = 0; offset <= 8; offset += 1) {
    const day = new Date(Date.UTC(start.year, start.month - 1, start.day + offset));
    const weekday = ((day.getUTCDay() + 6) % 7) + 1;
    if (weekday !== schedule.weekday) continue;
    const date = { year: day.getUTCFullYear(), month: day.getUTCMonth() + 1, day: day.getUTCDate() };
    const due = moveOutOfQuietHours(instantOfLocalTime(date, schedule.minuteOfDay, schedule.timeZone), schedule.quietHours, schedule.timeZone);
    if (due > afterMs) return due;
  }
  throw new Error("No reminder time found within eight days");
}

/** The week a reminder belongs to, as the person lives it: one reminder per person and week. */
export function reminderWeekOf(dueMs: number, timeZone: string): string {
  return computeIsoWeekKey(new Date(dueMs), timeZone);
}

/** "HH:MM" ⇄ minute of the day. */
export function minuteOfDayOf(time: string): number {
  const [hours, minutes] = time.split(":").map(Number);
  return (hours ?? 0) * 60 + (minutes ?? 0);
}

export function timeOfMinute(minuteOfDay: number): string {
  return `${String(Math.floor(minuteOfDay / 60)).padStart(2, "0")}:${String(minuteOfDay % 60).padStart(2, "0")}`;
}

/**
 * How long after a failed send the next try waits: one minute, doubling, at most six hours. A
 * message still unsent when it expires is not sent at all.
 */
export function retryDelayMs(attempts: number): number {
  return Math.min(MINUTE_MS * 2 ** Math.max(0, attempts - 1), 6 * 60 * MINUTE_MS);
}
