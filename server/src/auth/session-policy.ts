// How long a session lasts (decision 032; OWASP ASVS 5.0 v5.0.0-7.3.1 and 7.3.2). A session ends
// after a stretch of no use (the idle timeout, shorter for anyone who can reach clients' data) and,
// however much it is used, a fixed time after it began (the absolute lifetime). Session times are
// Better Auth's rows on the real clock, never the app's test clock.

export type SessionLimits = {
  /** No use for this long ends a session. */
  idleMs: number;
  /** The same, for a member of any practice (counsellor, admin or owner): they can reach clients' data. */
  practiceIdleMs: number;
  /** However active, a session ends this long after it began. */
  lifetimeMs: number;
};

/**
 * A session's last use is written at most once this often: a write per request would cost every
 * signed-in request a database write (decision 007); a minute is small beside any idle timeout.
 */
export const lastUseStepMs = 60_000;

/** When a session ends, given when it began and was last used, and whether its person is in a practice. */
export function sessionEndsAt(session: { createdAtMs: number; lastUseMs: number }, isPracticeMember: boolean, limits: SessionLimits): number {
  const idle = isPracticeMember ? limits.practiceIdleMs : limits.idleMs;
  return Math.min(session.lastUseMs + idle, session.createdAtMs + limits.lifetimeMs);
}

/** True when a request should record the session's use (and move its end). */
export function isLastUseDue(lastUseMs: number, nowMs: number): boolean {
  return nowMs - lastUseMs >= lastUseStepMs;
}
