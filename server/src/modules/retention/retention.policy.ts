// How long each kind of short-lived row is kept (docs/privacy.md, Retention). Every period is
// the owning module's own constant, so the rule that uses a row and the rule that removes it
// cannot drift apart; the one period set here (rate-limit counters) is written down there too.
import { signInThrottleRules, unfinishedSignUpKeepMs } from "../../auth/index.js";
import { idempotencyKeepMs } from "../idempotency/index.js";
import { FAILED_ATTEMPTS_WINDOW_MS } from "../invite-codes/index.js";

/**
 * Better Auth's per-address counters ("address|path") matter only within their window, at most
 * a minute here; it prunes them itself when the same address comes back. An hour is sixty times
 * the longest window, so the sweep never shortens a live one.
 */
export const rateLimitKeepMs = 60 * 60 * 1000;

/** The moments before which each kind of row is past its retention, as of `now`. */
export type RetentionCutoffs = {
  /** Failed sign-ins (epoch ms): kept 24 hours. */
  signInFailureBefore: number;
  /** Idempotency keys (epoch ms): kept 24 hours. */
  idempotencyKeyBefore: number;
  /** Failed invite codes (epoch ms): kept for the hour they count for (at or before this moment they no longer count). */
  inviteAttemptFailureAtOrBefore: number;
  /** Better Auth rate-limit counters (epoch ms of the last request). */
  rateLimitBefore: number;
  /** Sessions, verification rows (reset links, two-step codes) and practice invitations that expired before now: ISO, compared as text on SQLite, as a timestamp on PostgreSQL. */
  expiredBefore: string;
  /** Accounts whose sign-up was never finished, made before this moment (ISO, like expiredBefore): kept a week. */
  unfinishedSignUpBefore: string;
};

export function retentionCutoffs(now: Date): RetentionCutoffs {
  const at = now.getTime();
  return {
    signInFailureBefore: at - signInThrottleRules.retentionMs,
    idempotencyKeyBefore: at - idempotencyKeepMs,
    inviteAttemptFailureAtOrBefore: at - FAILED_ATTEMPTS_WINDOW_MS,
    rateLimitBefore: at - rateLimitKeepMs,
    expiredBefore: now.toISOString(),
    unfinishedSignUpBefore: new Date(at - unfinishedSignUpKeepMs).toISOString(),
  };
}
