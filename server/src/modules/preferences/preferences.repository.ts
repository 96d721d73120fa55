import type { Kysely } from "kysely";
import type { DB } from "../../db/schema.js";

export type PreferenceRow = { quickExitEndsSession: boolean };

/** The person's stored preferences, or undefined when they never changed any. */
export async function findPreferences(db: Kysely<DB>, userId: string): Promise<PreferenceRow | undefined> {
  const row = await db.selectFrom("person_preference").select(["quick_exit_ends_session"]).where("user_id", "=", userId).executeTakeFirst();
  return row ? { quickExitEndsSession: Number(row.quick_exit_ends_session) === 1 } : undefined;
}

/** One row per person, replaced whole. */
export async function upsertPreferences(db: Kysely<DB>, userId: string, preferences: PreferenceRow, nowMs: number): Promise<void> {
  const values = { quick_exit_ends_session: preferences.quickExitEndsSession ? 1 : 0, updated_at: nowMs };
  await db
    .insertInto("person_preference")
    .values({ user_id: userId, ...values })
    .onConflict((conflict) => conflict.column("user_id").doUpdateSet(values))
    .execute();
}
