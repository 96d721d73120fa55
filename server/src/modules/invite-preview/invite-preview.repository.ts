import { randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import type { DB } from "../../db/schema.js";

// The count of looks per client address, in the database's rate-limit table (the one Better Auth
// keeps its limits in), so it holds across several servers (decision 021).

export async function findPreviewCount(db: Kysely<DB>, key: string): Promise<{ count: number; lastRequest: number } | undefined> {
  const row = await db.selectFrom("rateLimit").select(["count", "lastRequest"]).where("key", "=", key).executeTakeFirst();
  return row ? { count: row.count, lastRequest: Number(row.lastRequest) } : undefined;
}

export async function savePreviewCount(db: Kysely<DB>, key: string, count: number, now: number, isNew: boolean): Promise<void> {
  if (isNew) await db.insertInto("rateLimit").values({ id: randomUUID(), key, count, lastRequest: now }).execute();
  else await db.updateTable("rateLimit").set({ count, lastRequest: now }).where("key", "=", key).execute();
}
