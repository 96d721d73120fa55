import type { Kysely } from "kysely";
import type { DB } from "../../db/schema.js";
import type { Keyring } from "../../platform/crypto.js";
import { findUserDataKey, getOrCreateUserDataKey } from "../data-keys/index.js";
import { idempotencyKeepMs, requestFingerprint, requireSameRequest } from "./idempotency.policy.js";
import { deleteIdempotencyRecordsBefore, findIdempotencyRecord, insertIdempotencyRecord } from "./idempotency.repository.js";

/** One request made with an Idempotency-Key: whose, which key, which route, and its body (canonicalised for the fingerprint). */
export type IdempotentRequest = { userId: string; key: string; route: string; request: unknown };

/**
 * The reference stored by an earlier request with the same key, or undefined when the key is
 * new. Throws 422 IDEMPOTENCY_KEY_REUSED when the key was used for another route or body.
 */
export async function findEarlierResult(db: Kysely<DB>, kek: Keyring, request: IdempotentRequest): Promise<string | undefined> {
  const stored = await findIdempotencyRecord(db, request.userId, request.key);
  if (!stored) return undefined;
  const dataKey = await findUserDataKey(db, kek, request.userId);
  if (dataKey === null) throw new Error("An idempotency record exists without its owner's data key");
  requireSameRequest(stored, request.route, requestFingerprint(dataKey.key, request.route, request.request));
  return stored.reference;
}

/**
 * Remembers that this key produced `reference` (a week, an id: never a copy of private text, so an
 * edit or a deletion of the data leaves no old copy here). Call inside the write's transaction;
 * also forgets the person's keys older than 24 hours. Fails on a racing retry of the same key.
 */
export async function rememberResult(trx: Kysely<DB>, kek: Keyring, request: IdempotentRequest & { reference: string; nowMs: number }): Promise<void> {
  const dataKey = await getOrCreateUserDataKey(trx, kek, request.userId, request.nowMs);
  await deleteIdempotencyRecordsBefore(trx, request.userId, request.nowMs - idempotencyKeepMs);
  await insertIdempotencyRecord(trx, {
    userId: request.userId,
    key: request.key,
    route: request.route,
    reference: request.reference,
    fingerprint: requestFingerprint(dataKey.key, request.route, request.request),
    nowMs: request.nowMs,
  });
}

/** Forgets the person's keys older than 24 hours (on writes made without a key too). */
export async function forgetOldResults(trx: Kysely<DB>, userId: string, nowMs: number): Promise<void> {
  await deleteIdempotencyRecordsBefore(trx, userId, nowMs - idempotencyKeepMs);
}
