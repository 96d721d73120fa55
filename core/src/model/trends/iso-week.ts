// ISO 8601 week keys ("2026-W47") computed in the person's own time zone with Intl only: the one
// implementation of week arithmetic. It imports nothing, so the web app may take it alone through
// "@mutual/core/weeks" without the contracts' zod.
const WEEK_KEY = /^(\d{4})-W(\d{2})$/;
const DAY_MS = 86_400_000;
const WEEK_MS = 7 * DAY_MS;

export type CalendarDate = { year: number; month: number; day: number };

/** The calendar date of an instant in an IANA time zone, e.g. "Asia/Singapore". */
export function getZonedDate(instant: Date, timeZone: string): CalendarDate {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone,
    year: "numeric",
    month: "numeric",
    day: "numeric",
    calendar: "gregory",
    numberingSystem: "latn",
  }).formatToParts(instant);
  const read = (type: "year" | "month" | "day"): number => Number(parts.find((part) => part.type === type)?.value);
  return { year: read("year"), month: read("month"), day: read("day") };
}

/** ISO week-numbering year and week of a calendar date. */
export function getIsoWeekOfDate(date: CalendarDate): { year: number; week: number } {
  const utc = Date.UTC(date.year, date.month - 1, date.day);
  const mondayBased = (new Date(utc).getUTCDay() + 6) % 7;
  // The ISO week belongs to the year that holds its Thursday.
  const thursday = new Date(utc + (3 - mondayBased) * DAY_MS);
  const year = thursday.getUTCFullYear();
  const week = 1 + Math.floor((thursday.getTime() - Date.UTC(year, 0, 1)) / WEEK_MS);
  return { year, week };
}

/** Format a week key, e.g. 2026, 7 → "2026-W07". */
export function formatIsoWeekKey(year: number, week: number): string {
  return `${String(year).padStart(4, "0")}-W${String(week).padStart(2, "0")}`;
}

/** ISO week key of an instant as lived in a time zone. */
export function computeIsoWeekKey(instant: Date, timeZone: string): string {
  const { year, week } = getIsoWeekOfDate(getZonedDate(instant, timeZone));
  return formatIsoWeekKey(year, week);
}

/** Number of ISO weeks (52 or 53) in an ISO week-numbering year. */
export function countIsoWeeksInYear(year: number): number {
  // Dec 28 is always in the last ISO week of its year.
  return getIsoWeekOfDate({ year, month: 12, day: 28 }).week;
}

/** Parse "2026-W47", or undefined when malformed or out of range. */
export function parseIsoWeekKey(key: string): { year: number; week: number } | undefined {
  const match = WEEK_KEY.exec(key);
  if (match === null) return undefined;
  const year = Number(match[1]);
  const week = Number(match[2]);
  if (week < 1 || week > countIsoWeeksInYear(year)) return undefined;
  return { year, week };
}

/** UTC midnight of the Monday that starts an ISO week (as a time value). */
function mondayOf(year: number, week: number): number {
  const jan4 = Date.UTC(year, 0, 4);
  const jan4MondayBased = (new Date(jan4).getUTCDay() + 6) % 7;
  return jan4 - jan4MondayBased * DAY_MS + (week - 1) * WEEK_MS;
}

/** UTC midnight of the Monday that starts a week key, in milliseconds; null for a malformed key. */
export function isoWeekStartMs(key: string): number | null {
  const parsed = parseIsoWeekKey(key);
  return parsed === undefined ? null : mondayOf(parsed.year, parsed.week);
}

function requireKey(key: string): { year: number; week: number } {
  const parsed = parseIsoWeekKey(key);
  if (parsed === undefined) throw new RangeError(`Not an ISO week key: "${key}"`);
  return parsed;
}

/** Shift a week key by n weeks (n may be negative). Throws on a malformed key: callers pass keys they built. */
export function addIsoWeeks(key: string, weeks: number): string {
  const { year, week } = requireKey(key);
  const monday = new Date(mondayOf(year, week) + weeks * WEEK_MS);
  const shifted = getIsoWeekOfDate({ year: monday.getUTCFullYear(), month: monday.getUTCMonth() + 1, day: monday.getUTCDate() });
  return formatIsoWeekKey(shifted.year, shifted.week);
}

/** Whole weeks from `from` to `to`, or undefined when either key is malformed: for stored data that may be bad. */
export function tryCountWeeksBetween(from: string, to: string): number | undefined {
  const a = parseIsoWeekKey(from);
  const b = parseIsoWeekKey(to);
  if (a === undefined || b === undefined) return undefined;
  return Math.round((mondayOf(b.year, b.week) - mondayOf(a.year, a.week)) / WEEK_MS);
}

/** Whole weeks from `from` to `to` (positive when `to` is later). Throws on a malformed key: callers pass keys they built. */
export function countWeeksBetween(from: string, to: string): number {
  const a = requireKey(from);
  const b = requireKey(to);
  return Math.round((mondayOf(b.year, b.week) - mondayOf(a.year, a.week)) / WEEK_MS);
}
