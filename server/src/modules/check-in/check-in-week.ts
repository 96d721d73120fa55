import { formatIsoWeekKey, getIsoWeekOfDate } from "@mutual/core";

// One Intl formatter per time zone, reused: building one costs about 0.1 ms, far more
// than the rest of a check-in. Bounded, since only known zones (validated first) get here.
const formatters = new Map<string, Intl.DateTimeFormat>();
const formattersLimit = 1000;

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (formatter === undefined) {
    formatter = new Intl.DateTimeFormat("en-US", { timeZone, year: "numeric", month: "numeric", day: "numeric", calendar: "gregory", numberingSystem: "latn" });
    if (formatters.size < formattersLimit) formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** The ISO week key ("2026-W48") of an instant as lived in a (validated) IANA time zone; same result as core's computeIsoWeekKey. */
export function isoWeekIn(instant: Date, timeZone: string): string {
  const parts = formatterFor(timeZone).formatToParts(instant);
  const read = (type: "year" | "month" | "day"): number => Number(parts.find((part) => part.type === type)?.value);
  const { year, week } = getIsoWeekOfDate({ year: read("year"), month: read("month"), day: read("day") });
  return formatIsoWeekKey(year, week);
}
