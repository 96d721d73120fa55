import type { Kysely } from "kysely";
import type { DB } from "../../db/schema.js";

// Reads for the instrument's statistics over the whole deployment (decision 022): the packed
// scored answers of every stored score row of one instrument version, in the order of the index
// on (user_id, completed_at, assessment_id), so a person's rows arrive together, latest last.

/** Where the previous page stopped: the last row's key in index order. */
export type ScoredAnswerCursor = { userId: string; completedAt: number; assessmentId: string };

export type ScoredAnswerRow = ScoredAnswerCursor & { scoredAnswers: string | null; language: string };

/** Up to `limit` score rows of the instrument version after `after`, in (person, completion, id) order. */
export async function readScoredAnswerPage(db: Kysely<DB>, instrumentKey: string, after: ScoredAnswerCursor | null, limit: number): Promise<ScoredAnswerRow[]> {
  let query = db
    .selectFrom("assessment_score")
    .select((eb) => [
      "assessment_score.user_id",
      "assessment_score.completed_at",
      "assessment_score.assessment_id",
      "assessment_score.scored_answers",
      // The language the profile was answered in (decision 087), kept on the row (decision 093). Only
      // a row an older server wrote during an upgrade lacks it: the assessment is then probed for it
      // (coalesce evaluates the subquery only for such a row, on both databases).
      eb.fn
        .coalesce(
          "assessment_score.language",
          eb.selectFrom("assessment").select("assessment.language").whereRef("assessment.id", "=", "assessment_score.assessment_id"),
          eb.val("en"),
        )
        .as("language"),
    ])
    // A row without a key was written by an older server during an upgrade (the migration keyed
    // every earlier one): it is still that person's latest profile, read as unreadable rather than
    // letting an older profile stand in for it.
    .where((eb) => eb.or([eb("assessment_score.instrument_key", "=", instrumentKey), eb("assessment_score.instrument_key", "is", null)]))
    .orderBy("assessment_score.user_id")
    .orderBy("assessment_score.completed_at")
    .orderBy("assessment_score.assessment_id")
    .limit(limit);
  // A row-value comparison, which both databases answer with a range scan of the index.
  if (after)
    query = query.where((eb) =>
      eb(
        eb.refTuple("assessment_score.user_id", "assessment_score.completed_at", "assessment_score.assessment_id"),
        ">",
        eb.tuple(after.userId, after.completedAt, after.assessmentId),
      ),
    );
  const rows = await query.execute();
  return rows.map((row) => ({
    userId: row.user_id,
    completedAt: Number(row.completed_at),
    assessmentId: row.assessment_id,
    scoredAnswers: row.scored_answers,
    language: row.language,
  }));
}

export type StoredNorms = { respondents: number; norms: string; computedAt: number; normsByLanguage: string | null };

/** Replaces the stored norms of one instrument version. */
export async function storeNorms(db: Kysely<DB>, instrumentKey: string, stored: StoredNorms): Promise<void> {
  const values = { respondents: stored.respondents, norms: stored.norms, computed_at: stored.computedAt, norms_by_language: stored.normsByLanguage };
  await db
    .insertInto("deployment_norms")
    .values({ instrument_key: instrumentKey, ...values })
    .onConflict((conflict) => conflict.column("instrument_key").doUpdateSet(values))
    .execute();
}

/** The stored norms of one instrument version, if a round has stored any. */
export async function readStoredNorms(db: Kysely<DB>, instrumentKey: string): Promise<StoredNorms | undefined> {
  const row = await db
    .selectFrom("deployment_norms")
    .select(["respondents", "norms", "computed_at", "norms_by_language"])
    .where("instrument_key", "=", instrumentKey)
    .executeTakeFirst();
  return row && { respondents: Number(row.respondents), norms: row.norms, computedAt: Number(row.computed_at), normsByLanguage: row.norms_by_language };
}

/** The language each of the given assessments was answered in, by id ('en' for everything answered before there were others). */
export async function readAnswerLanguages(db: Kysely<DB>, assessmentIds: readonly string[]): Promise<Map<string, string>> {
  if (assessmentIds.length === 0) return new Map();
  const rows = await db.selectFrom("assessment").select(["id", "language"]).where("id", "in", assessmentIds).execute();
  return new Map(rows.map((row) => [row.id, row.language]));
}
