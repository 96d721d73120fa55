import { createHmac } from "node:crypto";
import type { Kysely } from "kysely";
import type { DB } from "../db/schema.js";
import type { Clock } from "../platform/clock.js";
import { countSignInFailures, deleteSignInFailures, deleteSignInFailuresBefore, insertSignInFailure } from "./sign-in-failure.repository.js";

/**
 * Per-account throttling of password guesses, counted per client address: after
 * `maxFailures` wrong passwords for one account from one address within the window,
 * that address is refused for that account until the window passes. Someone guessing
 * from elsewhere cannot lock the real person out (docs/decisions/003-authentication.md).
 * The per-address limit across all accounts is Better Auth's rate limiter.
 */
export const signInThrottleRules = { maxFailures: 5, windowMs: 15 * 60_000, retentionMs: 24 * 60 * 60_000 } as const;

export type SignInThrottle = {
  /** Returns the seconds to wait, or 0 when this attempt may go ahead. */
  secondsUntilAllowed(email: string, clientIp: string): Promise<number>;
  recordFailure(email: string, clientIp: string): Promise<void>;
  recordSuccess(email: string, clientIp: string): Promise<void>;
};

export function createSignInThrottle(db: Kysely<DB>, secret: string, clock: Clock): SignInThrottle {
  // Keyed hashes: the table can count attempts without holding addresses.
  const keyOf = (kind: string, value: string) => createHmac("sha256", secret).update(`${kind}:${value}`).digest("base64url");
  const accountKey = (email: string) => keyOf("account", email.trim().toLowerCase());
  const clientKey = (ip: string) => keyOf("client", ip);

  return {
    async secondsUntilAllowed(email, clientIp) {
      const now = clock.now().getTime();
      const failures = await countSignInFailures(db, accountKey(email), clientKey(clientIp), now - signInThrottleRules.windowMs);
      return failures >= signInThrottleRules.maxFailures ? Math.ceil(signInThrottleRules.windowMs / 1000) : 0;
    },
    async recordFailure(email, clientIp) {
      const now = clock.now().getTime();
      await insertSignInFailure(db, accountKey(email), clientKey(clientIp), now);
      await deleteSignInFailuresBefore(db, now - signInThrottleRules.retentionMs);
    },
    async recordSuccess(email, clientIp) {
      await deleteSignInFailures(db, accountKey(email), clientKey(clientIp));
    },
  };
}
