/** The browser's IANA time zone, e.g. "Asia/Singapore"; UTC when the browser does not say. */
export function readBrowserTimeZone(): string {
  // Asking Intl costs a few milliseconds each time (the first time, tens on a phone), and pages ask on
  // every render; a zone changes only when the person travels, so it is read again after a minute.
  const now = Date.now();
  if (cachedZone && now - cachedZone.at < 60_000) return cachedZone.zone;
  let zone = "UTC";
  try {
    zone = Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC";
  } catch {
    // A browser without time-zone support: weeks are counted in UTC.
  }
  cachedZone = { zone, at: now };
  return zone;
}

let cachedZone: { zone: string; at: number } | undefined;
