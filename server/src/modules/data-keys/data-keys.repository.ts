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

/**
 * Overwrites a person's wrapped data key in place, then deletes its row: the same length of
 * other bytes, so the database writes them over the old ones on the same page before the row is
 * freed (decision 030).
 */
export async function overwriteAndDeleteDataKey(db: Kysely<DB>, userId: string): Promise<void> {
  const row = await findDataKey(db, userId);
  if (!row) return;
  await db.updateTable("data_key").set({ wrapped_key: "0".repeat(row.wrappedKey.length), key_id: "destroyed" }).where("user_id", "=", userId).execute();
  await db.deleteFrom("data_key").where("user_id", "=", userId).execute();
}
