import type { Kysely } from "kysely";
import type { DB } from "../../db/schema.js";

// Reads for the instrument's statistics over the whole deployment (decision 022): the packed
// scored answers of every stored score row of one instrument version, in the order of the index
// on (user_id, completed_at, assessment_id), so a person's rows arrive together, latest last.

/** Where the previous page stopped: the last row's key in index order. */
export type ScoredAnswerCursor = { userId: string; completedAt: number; assessmentId: string };

export type ScoredAnswerRow = ScoredAnswerCursor & { scoredAnswers: string | null };

/** Up to `limit` score rows of the instrument version after `after`, in (person, completion, id) order. */
export async function readScoredAnswerPage(db: Kysely<DB>, instrumentKey: string, after: ScoredAnswerCursor | null, limit: number): Promise<ScoredAnswerRow[]> {
  let query = db
    .selectFrom("assessment_score")
    .select(["user_id", "completed_at", "assessment_id", "scored_answers"])
    // A row without a key was written by an older server during an upgrade (the migration keyed
    // every earlier one): it is still that person's latest profile, read as unreadable rather than
    // letting an older profile stand in for it.
    .where((eb) => eb.or([eb("instrument_key", "=", instrumentKey), eb("instrument_key", "is", null)]))
    .orderBy("user_id")
    .orderBy("completed_at")
    .orderBy("assessment_id")
    .limit(limit);
  // A row-value comparison, which both databases answer with a range scan of the index.
  if (after)
    query = query.where((eb) =>
      eb(eb.refTuple("user_id", "completed_at", "assessment_id"), ">", eb.tuple(after.userId, after.completedAt, after.assessmentId)),
    );
  const rows = await query.execute();
  return rows.map((row) => ({
    userId: row.user_id,
    completedAt: Number(row.completed_at),
    assessmentId: row.assessment_id,
    scoredAnswers: row.scored_answers,
  }));
}

export type StoredNorms = { respondents: number; norms: string; computedAt: number };

/** Replaces the stored norms of one instrument version. */
export async function storeNorms(db: Kysely<DB>, instrumentKey: string, stored: StoredNorms): Promise<void> {
  const values = { respondents: stored.respondents, norms: stored.norms, computed_at: stored.computedAt };
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
    .select(["respondents", "norms", "computed_at"])
    .where("instrument_key", "=", instrumentKey)
    .executeTakeFirst();
  return row && { respondents: Number(row.respondents), norms: row.norms, computedAt: Number(row.computed_at) };
}
