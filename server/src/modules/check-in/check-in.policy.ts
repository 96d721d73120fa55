// Pure rules of the check-in module: whose check-ins a request may touch, and which time zones exist.

/** Check-ins are owner-only: every query is scoped to the signed-in person, never to an id from the request. */
export function checkInOwnerOf(actor: { userId: string }): string {
  return actor.userId;
}

// Building an Intl formatter costs far more than the rest of a check-in's checks, and people
// use a handful of zones: remember the ones found valid (bounded; there are about 600 names).
const knownZones = new Set<string>();
const knownZonesLimit = 1000;

/** True for an IANA time zone name this runtime knows (e.g. "Asia/Singapore"). */
export function isKnownTimeZone(timeZone: string): boolean {
  if (knownZones.has(timeZone)) return true;
  if (timeZone.length === 0 || timeZone.length > 100) return false;
  try {
    new Intl.DateTimeFormat("en-US", { timeZone });
  } catch {
    return false;
  }
  if (knownZones.size < knownZonesLimit) knownZones.add(timeZone);
  return true;
}
