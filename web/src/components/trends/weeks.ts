// ISO week keys ("2026-W48") turned into dates for charts and tables, with core's one week
// implementation, which imports nothing (so not the contracts' zod).
import { isoWeekStartMs } from "@mutual/core/weeks";
import { intlLocale } from "../../lib/language";

const DAY_MS = 86_400_000;

/** Midnight UTC on the Monday that starts an ISO week, in milliseconds; null for a malformed key. */
export const weekStartMs = isoWeekStartMs;

/** Every week from the first to the last key given (inclusive), so missed weeks show as gaps. */
export function fillWeeks(weekKeys: readonly string[]): number[] {
  const starts = weekKeys.map(weekStartMs).filter((start): start is number => start !== null);
  if (starts.length === 0) return [];
  const first = Math.min(...starts);
  const last = Math.max(...starts);
  const weeks: number[] = [];
  for (let start = first; start <= last; start += 7 * DAY_MS) weeks.push(start);
  return weeks;
}

// Building an Intl formatter costs far more than using one (a trends page formats a date for
// every row of four tables), so each language's formatter is built once and kept.
const weekStartFormats = new Map<string, Intl.DateTimeFormat>();

export function formatWeekStart(startMs: number, language: string): string {
  let format = weekStartFormats.get(language);
  if (!format) {
    format = new Intl.DateTimeFormat(intlLocale(language), { day: "numeric", month: "short", timeZone: "UTC" });
    weekStartFormats.set(language, format);
  }
  return format.format(new Date(startMs));
}
