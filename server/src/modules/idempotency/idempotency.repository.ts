import type { Kysely } from "kysely";
import type { DB } from "../../db/schema.js";

export type StoredIdempotencyRecord = { route: string; reference: string; fingerprint: string | null };

export async function findIdempotencyRecord(db: Kysely<DB>, userId: string, key: string): Promise<StoredIdempotencyRecord | undefined> {
  const row = await db
    .selectFrom("idempotency_key")
    .select(["route", "response", "request_fingerprint"])
    .where("user_id", "=", userId)
    .where("key", "=", key)
    .executeTakeFirst();
  return row ? { route: row.route, reference: row.response, fingerprint: row.request_fingerprint } : undefined;
}

/** Stores a key; a second insert of the same person's key fails (primary key), which is how racing retries are detected. */
export async function insertIdempotencyRecord(
  db: Kysely<DB>,
  values: { userId: string; key: string; route: string; reference: string; fingerprint: string; nowMs: number },
): Promise<void> {
  await db
    .insertInto("idempotency_key")
    .values({
      user_id: values.userId,
      key: values.key,
      route: values.route,
      response: values.reference,
      request_fingerprint: values.fingerprint,
      created_at: values.nowMs,
    })
    .execute();
}

/** Forgets one person's idempotency keys older than a moment: retries come within minutes, not days. */
export async function deleteIdempotencyRecordsBefore(db: Kysely<DB>, userId: string, beforeMs: number): Promise<void> {
  await db.deleteFrom("idempotency_key").where("user_id", "=", userId).where("created_at", "<", beforeMs).execute();
}
