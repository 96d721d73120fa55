import type { Kysely } from "kysely";
import { DEFAULT_PREFERENCES, languageSchema, type LanguageCode } from "@mutual/core";
import type { DB } from "../../db/schema.js";

export type PreferenceRow = { quickExitEndsSession: boolean; language: LanguageCode | null };

/** A stored language read back: one of the four, else none (a value no version of the API wrote). */
function languageOf(value: string | null): LanguageCode | null {
  const parsed = languageSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}

/** The person's stored preferences, or undefined when they never changed any. */
export async function findPreferences(db: Kysely<DB>, userId: string): Promise<PreferenceRow | undefined> {
  const row = await db.selectFrom("person_preference").select(["quick_exit_ends_session", "language"]).where("user_id", "=", userId).executeTakeFirst();
  return row ? { quickExitEndsSession: Number(row.quick_exit_ends_session) === 1, language: languageOf(row.language) } : undefined;
}

/** One row per person, replaced whole. */
export async function upsertPreferences(db: Kysely<DB>, userId: string, preferences: PreferenceRow, nowMs: number): Promise<void> {
  const values = { quick_exit_ends_session: preferences.quickExitEndsSession ? 1 : 0, language: preferences.language, updated_at: nowMs };
  await db
    .insertInto("person_preference")
    .values({ user_id: userId, ...values })
    .onConflict((conflict) => conflict.column("user_id").doUpdateSet(values))
    .execute();
}

/** Only the language; a person without a row gets the other defaults with it. */
export async function upsertLanguage(db: Kysely<DB>, userId: string, language: LanguageCode, nowMs: number): Promise<void> {
  await db
    .insertInto("person_preference")
    .values({ user_id: userId, quick_exit_ends_session: DEFAULT_PREFERENCES.quickExitEndsSession ? 1 : 0, language, updated_at: nowMs })
    .onConflict((conflict) => conflict.column("user_id").doUpdateSet({ language, updated_at: nowMs }))
    .execute();
}
