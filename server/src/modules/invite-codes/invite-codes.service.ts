import { randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import { normalizeInviteCode } from "@mutual/core";
import type { DB } from "../../db/schema.js";
import { makeInviteCode, type InviteCodeHasher } from "../../platform/invite-codes.js";
import { FAILED_ATTEMPTS_WINDOW_MS, requireCodeShape, requireNotThrottled } from "./invite-codes.policy.js";
import { countFailuresSince, forgetAttempt, isUniqueViolation, recordAttempt } from "./invite-codes.repository.js";

// Couple and counselling tell their own lost races (two accepts at once) by the same database error.
export { isUniqueViolation };

/** A new code, to be shown once, and the keyed hash it is stored and looked up by. */
export function drawInviteCode(hashCode: InviteCodeHasher): { code: string; codeHash: string } {
  const code = makeInviteCode();
  return { code, codeHash: hashCode(normalizeInviteCode(code)!) };
}

/**
 * Stores a new invite, drawing its code again once if the insert lost on a unique index: the
 * same code hash drawn twice (one in 2^50), or a feature's own index refusing a parallel insert.
 */
export async function againOnUniqueViolation<T>(attempt: () => Promise<T>): Promise<T> {
  try {
    return await attempt();
  } catch (error) {
    if (isUniqueViolation(error)) return attempt();
    throw error;
  }
}

/** Ends an attempt as a failed guess: the error is answered and the attempt stays counted. */
export type FailAttempt = (error: Error) => never;

/**
 * One lookup or accept of a code, counted as a failed attempt from the start: the attempt is
 * recorded first and the throttle then counts it with every other, so attempts made in parallel
 * cannot together pass the limit. `work` calls `fail` for an outcome that counts as a failed
 * guess; any other outcome (success, OWN_INVITE, a lost race, an error) removes the record.
 */
export async function asThrottledAttempt<T>(db: Kysely<DB>, userId: string, now: number, work: (fail: FailAttempt) => Promise<T>): Promise<T> {
  const attemptId = randomUUID();
  await recordAttempt(db, { id: attemptId, userId, now, olderThan: now - FAILED_ATTEMPTS_WINDOW_MS });
  let failed = false;
  const fail: FailAttempt = (error) => {
    failed = true;
    throw error;
  };
  try {
    requireNotThrottled((await countFailuresSince(db, userId, now - FAILED_ATTEMPTS_WINDOW_MS)) - 1);
    return await work(fail);
  } finally {
    if (!failed) await forgetAttempt(db, attemptId);
  }
}

/** The canonical code; input that cannot be a code is a failed attempt (400 INVALID_CODE). */
export function canonicalCodeOrFail(input: string, fail: FailAttempt): string {
  const code = normalizeInviteCode(input);
  if (code !== undefined) return code;
  try {
    requireCodeShape(input);
  } catch (error) {
    fail(error as Error);
  }
  throw new Error("unreachable: requireCodeShape accepts only what normalizeInviteCode accepts");
}
