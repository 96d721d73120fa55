import { randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import type { DB } from "../../db/schema.js";

export type OutboxStatus = "pending" | "sent" | "skipped" | "expired" | "failed" | "cancelled";

export type NewOutboxMessage = {
  userId: string;
  kind: string;
  dedupeKey: string;
  referenceId: string | null;
  dueAtMs: number;
  expiresAtMs: number;
};

export type ClaimedMessage = { id: string; userId: string; kind: string; referenceId: string | null; attempts: number; expiresAtMs: number };

/** Writes a notice to send, in the caller's transaction; a second one with the same key is ignored. True when it was new. */
export async function insertOutboxMessage(db: Kysely<DB>, message: NewOutboxMessage, nowMs: number): Promise<boolean> {
  const result = await db
    .insertInto("outbox_message")
    .values({
      id: randomUUID(),
      user_id: message.userId,
      kind: message.kind,
      dedupe_key: message.dedupeKey,
      reference_id: message.referenceId,
      due_at: message.dueAtMs,
      expires_at: message.expiresAtMs,
      status: "pending",
      attempts: 0,
      next_attempt_at: message.dueAtMs,
      claim_token: null,
      claimed_until: null,
      created_at: nowMs,
      finished_at: null,
    })
    .onConflict((conflict) => conflict.column("dedupe_key").doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}

/** Marks a person's pending notices of some kinds cancelled (they turned reminders off); rows being sent right now are left to their sender. */
export async function cancelPendingMessages(db: Kysely<DB>, userId: string, kinds: readonly string[], nowMs: number, referenceId?: string): Promise<number> {
  let query = db
    .updateTable("outbox_message")
    .set({ status: "cancelled", finished_at: nowMs })
    .where("user_id", "=", userId)
    .where("kind", "in", kinds)
    .where("status", "=", "pending")
    .where((eb) => eb.or([eb("claimed_until", "is", null), eb("claimed_until", "<=", nowMs)]));
  if (referenceId !== undefined) query = query.where("reference_id", "=", referenceId);
  const result = await query.executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** Pending notices past their expiry become expired, unsent: a reminder days late helps no one. */
export async function expireOverdueMessages(db: Kysely<DB>, nowMs: number): Promise<number> {
  const result = await db
    .updateTable("outbox_message")
    .set({ status: "expired", finished_at: nowMs, claim_token: null, claimed_until: null })
    .where("status", "=", "pending")
    .where("expires_at", "<=", nowMs)
    .where((eb) => eb.or([eb("claimed_until", "is", null), eb("claimed_until", "<=", nowMs)]))
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/**
 * Claims up to `limit` notices that are due and not being sent by anyone (or whose sender's
 * claim ran out: it stopped mid-round), counting the attempt now, so a notice that kills its
 * sender every time still runs out of attempts.
 */
export async function claimDueMessages(db: Kysely<DB>, nowMs: number, claim: { token: string; untilMs: number }, limit: number): Promise<ClaimedMessage[]> {
  const due = await db
    .selectFrom("outbox_message")
    .select("id")
    .where("status", "=", "pending")
    .where("next_attempt_at", "<=", nowMs)
    .where((eb) => eb.or([eb("claimed_until", "is", null), eb("claimed_until", "<=", nowMs)]))
    .orderBy("next_attempt_at")
    .limit(limit)
    .execute();
  if (due.length === 0) return [];
  const ids = due.map((row) => row.id);
  await db
    .updateTable("outbox_message")
    .set((eb) => ({ claim_token: claim.token, claimed_until: claim.untilMs, attempts: eb("attempts", "+", 1) }))
    .where("id", "in", ids)
    .where("status", "=", "pending")
    .where((eb) => eb.or([eb("claimed_until", "is", null), eb("claimed_until", "<=", nowMs)]))
    .execute();
  const rows = await db
    .selectFrom("outbox_message")
    .select(["id", "user_id", "kind", "reference_id", "attempts", "expires_at"])
    .where("claim_token", "=", claim.token)
    .where("id", "in", ids)
    .execute();
  return rows.map((row) => ({
    id: row.id,
    userId: row.user_id,
    kind: row.kind,
    referenceId: row.reference_id,
    attempts: Number(row.attempts),
    expiresAtMs: Number(row.expires_at),
  }));
}

/** Ends a claimed notice (sent, skipped, failed…); only the claim's holder can. */
export async function finishMessage(db: Kysely<DB>, id: string, claimToken: string, status: Exclude<OutboxStatus, "pending">, nowMs: number): Promise<boolean> {
  const result = await db
    .updateTable("outbox_message")
    .set({ status, finished_at: nowMs, claim_token: null, claimed_until: null })
    .where("id", "=", id)
    .where("claim_token", "=", claimToken)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** Gives a claimed notice back for another try at `retryAtMs`. */
export async function releaseForRetry(db: Kysely<DB>, id: string, claimToken: string, retryAtMs: number): Promise<void> {
  await db
    .updateTable("outbox_message")
    .set({ next_attempt_at: retryAtMs, claim_token: null, claimed_until: null })
    .where("id", "=", id)
    .where("claim_token", "=", claimToken)
    .execute();
}

/** Finished notices older than the cutoff go: their keys only matter for the week they were for. */
export async function pruneFinishedMessages(db: Kysely<DB>, finishedBeforeMs: number): Promise<number> {
  const result = await db.deleteFrom("outbox_message").where("status", "!=", "pending").where("finished_at", "<", finishedBeforeMs).executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** The address to write to, read at the moment of sending; undefined when the account is gone. */
export async function findRecipientAddress(db: Kysely<DB>, userId: string): Promise<string | undefined> {
  const row = await db.selectFrom("user").select("email").where("id", "=", userId).executeTakeFirst();
  return row?.email;
}
