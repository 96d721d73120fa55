// Pure rules of the check-in module: whose check-ins a request may touch, and which time zones exist.

/** Check-ins are owner-only: every query is scoped to the signed-in person, never to an id from the request. */
export function checkInOwnerOf(actor: { userId: string }): string {
  return actor.userId;
}

/** True for an IANA time zone name this runtime knows (e.g. "Asia/Singapore"). */
export function isKnownTimeZone(timeZone: string): boolean {
  if (timeZone.length === 0 || timeZone.length > 100) return false;
  try {
    new Intl.DateTimeFormat("en-US", { timeZone });
    return true;
  } catch {
    return false;
  }
}

/** An Idempotency-Key header value we accept: printable, short. */
export function isValidIdempotencyKey(key: string): boolean {
  return /^[\x21-\x7e]{8,200}$/.test(key);
}
