import { intlLocale } from "./language";

/** "Monday 9:00 AM" style, in the person's language and their reminder's own time zone. */
export function formatReminderTime(iso: string, timeZone: string, language: string): string {
  try {
    return new Intl.DateTimeFormat(intlLocale(language), {
      weekday: "long",
      day: "numeric",
      month: "long",
      hour: "numeric",
      minute: "2-digit",
      timeZone,
    }).format(new Date(iso));
  } catch {
    return new Date(iso).toUTCString();
  }
}

/** The names of the days, Monday first (ISO weekday 1 to 7), in the person's language. */
export function weekdayNames(language: string): string[] {
  // 2024-01-01 was a Monday.
  return Array.from({ length: 7 }, (_unused, index) =>
    new Intl.DateTimeFormat(intlLocale(language), { weekday: "long", timeZone: "UTC" }).format(new Date(Date.UTC(2024, 0, 1 + index))),
  );
}

/** Every time zone the browser knows, with the given one kept even if it does not list it. */
export function knownTimeZones(current: string): string[] {
  const supported = typeof Intl.supportedValuesOf === "function" ? Intl.supportedValuesOf("timeZone") : [];
  return supported.includes(current) ? supported : [current, ...supported];
}
