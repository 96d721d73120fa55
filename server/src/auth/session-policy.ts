/** How long a session lives, and how often an active session is extended (Better Auth's expiresIn and updateAge). */
export const sessionRules = { expiresInSeconds: 60 * 60 * 24 * 14, updateAgeSeconds: 60 * 60 * 24 } as const;

/**
 * True when an active session is due to be extended: Better Auth moves the expiry
 * forward once a day of use, and re-sends the cookie with it.
 */
export function isSessionDueForRefresh(expiresAt: Date, now: Date): boolean {
  const remainingMs = expiresAt.getTime() - now.getTime();
  return remainingMs < (sessionRules.expiresInSeconds - sessionRules.updateAgeSeconds) * 1000;
}
