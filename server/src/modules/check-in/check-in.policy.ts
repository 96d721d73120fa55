// Pure rules of the check-in module: whose check-ins a request may touch, and which time zones exist.

/** Check-ins are owner-only: every query is scoped to the signed-in person, never to an id from the request. */
export function checkInOwnerOf(actor: { userId: string }): string {
  return actor.userId;
}

// Building an Intl formatter costs far more than the rest of a check-in's checks, and people
// use a handful of zones: remember the ones found valid (bounded; there are about 600 names).
const knownZones = new Map<string, string>();
const knownZonesLimit = 1000;

/**
 * The runtime's canonical spelling of an IANA time zone name ("asia/singapore" →
 * "Asia/Singapore"), or undefined when the runtime does not know it. Stored and returned in
 * this form, so one zone is never kept under two spellings.
 */
export function canonicalTimeZone(timeZone: string): string | undefined {
  const known = knownZones.get(timeZone);
  if (known !== undefined) return known;
  if (timeZone.length === 0 || timeZone.length > 100) return undefined;
  let canonical: string;
  try {
    canonical = new Intl.DateTimeFormat("en-US", { timeZone }).resolvedOptions().timeZone;
  } catch {
    return undefined;
  }
  if (knownZones.size < knownZonesLimit) knownZones.set(timeZone, canonical);
  return canonical;
}
