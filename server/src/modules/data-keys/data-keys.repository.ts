import type { Kysely } from "kysely";
import type { DB } from "../../db/schema.js";

export type DataKeyRow = { keyId: string; wrappedKey: string };

export async function findDataKey(db: Kysely<DB>, userId: string): Promise<DataKeyRow | undefined> {
  const row = await db.selectFrom("data_key").select(["key_id", "wrapped_key"]).where("user_id", "=", userId).executeTakeFirst();
  return row ? { keyId: row.key_id, wrappedKey: row.wrapped_key } : undefined;
}

/** Inserts a person's wrapped data key unless one exists (two first writes at once keep the first). */
export async function insertDataKeyIfAbsent(db: Kysely<DB>, userId: string, keyId: string, wrappedKey: string, atMs: number): Promise<void> {
  await db
    .insertInto("data_key")
    .values({ user_id: userId, key_id: keyId, wrapped_key: wrappedKey, created_at: atMs })
    .onConflict((conflict) => conflict.column("user_id").doNothing())
    .execute();
}

/** How many data keys each key-encryption key wraps, by key id. */
export async function countDataKeysByKeyId(db: Kysely<DB>): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom("data_key")
    .select(["key_id", (eb) => eb.fn.countAll<string | number>().as("count")])
    .groupBy("key_id")
    .execute();
  return new Map(rows.map((row) => [row.key_id, Number(row.count)]));
}

/** The last data key of one key id (by user id), for probing. */
export async function lastDataKey(db: Kysely<DB>, keyId: string): Promise<{ userId: string; wrappedKey: string } | undefined> {
  const row = await db
    .selectFrom("data_key")
    .select(["user_id", "wrapped_key"])
    .where("key_id", "=", keyId)
    .orderBy("user_id", "desc")
    .limit(1)
    .executeTakeFirst();
  return row ? { userId: row.user_id, wrappedKey: row.wrapped_key } : undefined;
}

/** The first data key of one key id at or after `userIdFrom` (by user id), for probing. */
export async function firstDataKeyFrom(db: Kysely<DB>, keyId: string, userIdFrom: string): Promise<{ userId: string; wrappedKey: string } | undefined> {
  const row = await db
    .selectFrom("data_key")
    .select(["user_id", "wrapped_key"])
    .where("key_id", "=", keyId)
    .where("user_id", ">=", userIdFrom)
    .orderBy("user_id")
    .limit(1)
    .executeTakeFirst();
  return row ? { userId: row.user_id, wrappedKey: row.wrapped_key } : undefined;
}

/** A page of data keys not wrapped by `currentKeyId`, after `afterUserId` (keyset paging by user id). */
export async function listDataKeysNotWrappedBy(
  db: Kysely<DB>,
  currentKeyId: string,
  afterUserId: string,
  limit: number,
): Promise<Array<{ userId: string; keyId: string; wrappedKey: string }>> {
  const rows = await db
    .selectFrom("data_key")
    .select(["user_id", "key_id", "wrapped_key"])
    .where("key_id", "<>", currentKeyId)
    .where("user_id", ">", afterUserId)
    .orderBy("user_id")
    .limit(limit)
    .execute();
  return rows.map((row) => ({ userId: row.user_id, keyId: row.key_id, wrappedKey: row.wrapped_key }));
}

/** Replaces one wrapped data key if it is still the one that was read (another rewrap or a deletion may have come first). */
export async function replaceWrappedDataKey(
  db: Kysely<DB>,
  row: { userId: string; keyId: string; wrappedKey: string },
  replacement: { keyId: string; wrappedKey: string },
): Promise<boolean> {
  const result = await db
    .updateTable("data_key")
    .set({ key_id: replacement.keyId, wrapped_key: replacement.wrappedKey })
    .where("user_id", "=", row.userId)
    .where("key_id", "=", row.keyId)
    .where("wrapped_key", "=", row.wrappedKey)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/**
 * Overwrites a person's wrapped data key in place, then deletes its row: the same length of
 * other bytes, so the database writes them over the old ones on the same page before the row is
 * freed (decision 030).
 */
export async function overwriteAndDeleteDataKey(db: Kysely<DB>, userId: string): Promise<void> {
  const row = await findDataKey(db, userId);
  if (!row) return;
  await db
    .updateTable("data_key")
    .set({ wrapped_key: "0".repeat(row.wrappedKey.length), key_id: "destroyed" })
    .where("user_id", "=", userId)
    .execute();
  await db.deleteFrom("data_key").where("user_id", "=", userId).execute();
}
