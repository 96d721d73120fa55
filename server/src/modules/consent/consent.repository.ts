import type { Kysely } from "kysely";
import type { DB } from "../../db/schema.js";
import type { ConsentRecord } from "./consent.policy.js";

export async function findConsent(db: Kysely<DB>, userId: string): Promise<ConsentRecord | null> {
  const row = await db.selectFrom("consent").select(["user_id", "notice_version", "consented_at"]).where("user_id", "=", userId).executeTakeFirst();
  return row ? { userId: row.user_id, noticeVersion: row.notice_version, consentedAt: Number(row.consented_at) } : null;
}

/** One row per person: agreeing again (to a newer notice) replaces the earlier agreement. */
export async function upsertConsent(db: Kysely<DB>, record: ConsentRecord): Promise<void> {
  await db
    .insertInto("consent")
    .values({ user_id: record.userId, notice_version: record.noticeVersion, consented_at: record.consentedAt })
    .onConflict((conflict) => conflict.column("user_id").doUpdateSet({ notice_version: record.noticeVersion, consented_at: record.consentedAt }))
    .execute();
}
