import { sql, type Kysely, type Selectable, type SelectQueryBuilder } from "kysely";
import { SCORE_KEYS, isAnswerLanguage, type AnswerLanguage, type AssessmentSummary, type FlagId, type ScoreKey, type ScoreNumbers } from "@mutual/core";
import type { DB } from "../../db/schema.js";
import type { AssessmentRecord, StoredAnswer } from "./assessment.policy.js";

type Row = {
  id: string;
  user_id: string;
  instrument_id: string;
  instrument_version: string;
  status: "in_progress" | "completed";
  started_at: number | string;
  completed_at: number | string | null;
  language: string;
};

const columns = ["id", "user_id", "instrument_id", "instrument_version", "status", "started_at", "completed_at", "language"] as const;

function toRecord(row: Row): AssessmentRecord {
  return {
    id: row.id,
    userId: row.user_id,
    instrumentId: row.instrument_id,
    instrumentVersion: row.instrument_version,
    status: row.status,
    startedAt: Number(row.started_at),
    completedAt: row.completed_at === null ? null : Number(row.completed_at),
    // Only ours are ever written; anything else would be a hand-edited row, read as not knowing.
    language: isAnswerLanguage(row.language) ? row.language : "mixed",
  };
}

/** One of this person's assessments; another person's id reads as absent. */
export async function findOwnAssessment(db: Kysely<DB>, userId: string, id: string): Promise<AssessmentRecord | null> {
  const row = await db.selectFrom("assessment").select(columns).where("id", "=", id).where("user_id", "=", userId).executeTakeFirst();
  return row ? toRecord(row) : null;
}

export async function findInProgress(db: Kysely<DB>, userId: string): Promise<AssessmentRecord | null> {
  const row = await db
    .selectFrom("assessment")
    .select(columns)
    .where("user_id", "=", userId)
    .where("status", "=", "in_progress")
    .orderBy("started_at", "desc")
    .executeTakeFirst();
  return row ? toRecord(row) : null;
}

/** Completed assessments, oldest first. */
export async function listCompleted(db: Kysely<DB>, userId: string): Promise<AssessmentRecord[]> {
  const rows = await db
    .selectFrom("assessment")
    .select(columns)
    .where("user_id", "=", userId)
    .where("status", "=", "completed")
    .orderBy("completed_at", "asc")
    .orderBy("id", "asc")
    .execute();
  return rows.map(toRecord);
}

/** Every assessment of the person (in progress too), oldest first: for the export. */
export async function listAll(db: Kysely<DB>, userId: string): Promise<AssessmentRecord[]> {
  const rows = await db.selectFrom("assessment").select(columns).where("user_id", "=", userId).orderBy("started_at", "asc").orderBy("id", "asc").execute();
  return rows.map(toRecord);
}

export async function insertAssessment(db: Kysely<DB>, record: AssessmentRecord): Promise<void> {
  await db
    .insertInto("assessment")
    .values({
      id: record.id,
      user_id: record.userId,
      instrument_id: record.instrumentId,
      instrument_version: record.instrumentVersion,
      status: record.status,
      started_at: record.startedAt,
      completed_at: record.completedAt,
      language: record.language,
    })
    .execute();
}

/** Records the language the profile's statements were answered in (decision 085). */
export async function setAssessmentLanguage(db: Kysely<DB>, id: string, language: AnswerLanguage): Promise<void> {
  await db.updateTable("assessment").set({ language }).where("id", "=", id).execute();
}

/**
 * Takes the row lock of one of the person's assessments while it is still in progress (a
 * no-op update; PostgreSQL locks the row until the transaction ends). Saving and submitting
 * both begin with it, so they serialise: a save that waited for a submit re-reads the row,
 * finds it completed and changes nothing. False when no such assessment is in progress.
 */
export async function lockInProgress(db: Kysely<DB>, userId: string, id: string): Promise<boolean> {
  const result = await db
    .updateTable("assessment")
    .set({ started_at: sql<number>`started_at` })
    .where("id", "=", id)
    .where("user_id", "=", userId)
    .where("status", "=", "in_progress")
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** Marks an assessment completed; only one still in progress changes. */
export async function markCompleted(db: Kysely<DB>, id: string, completedAt: number): Promise<void> {
  await db.updateTable("assessment").set({ status: "completed", completed_at: completedAt }).where("id", "=", id).where("status", "=", "in_progress").execute();
}

export async function deleteAssessment(db: Kysely<DB>, id: string): Promise<void> {
  await db.deleteFrom("assessment_answer").where("assessment_id", "=", id).execute();
  await db.deleteFrom("assessment").where("id", "=", id).execute();
}

/** Saves one answer; saving the same item again replaces it (one row per item). */
export async function upsertAnswer(db: Kysely<DB>, answer: StoredAnswer & { assessmentId: string }): Promise<void> {
  await db
    .insertInto("assessment_answer")
    .values({ assessment_id: answer.assessmentId, item_id: answer.itemId, value: answer.value, answered_at: answer.answeredAt })
    .onConflict((conflict) => conflict.columns(["assessment_id", "item_id"]).doUpdateSet({ value: answer.value, answered_at: answer.answeredAt }))
    .execute();
}

export async function listAnswers(db: Kysely<DB>, assessmentId: string): Promise<StoredAnswer[]> {
  const rows = await db.selectFrom("assessment_answer").select(["item_id", "value", "answered_at"]).where("assessment_id", "=", assessmentId).execute();
  return rows.map((row) => ({ itemId: row.item_id, value: Number(row.value), answeredAt: Number(row.answered_at) }));
}

/** Answers of several assessments at once, keyed by assessment id. */
export async function listAnswersOf(db: Kysely<DB>, assessmentIds: readonly string[]): Promise<Map<string, StoredAnswer[]>> {
  const result = new Map<string, StoredAnswer[]>(assessmentIds.map((id) => [id, []]));
  if (assessmentIds.length === 0) return result;
  const rows = await db
    .selectFrom("assessment_answer")
    .select(["assessment_id", "item_id", "value", "answered_at"])
    .where("assessment_id", "in", [...assessmentIds])
    .execute();
  for (const row of rows) result.get(row.assessment_id)?.push({ itemId: row.item_id, value: Number(row.value), answeredAt: Number(row.answered_at) });
  return result;
}

export async function countAnswers(db: Kysely<DB>, assessmentId: string): Promise<number> {
  const row = await db
    .selectFrom("assessment_answer")
    .select((eb) => eb.fn.countAll<number | string>().as("count"))
    .where("assessment_id", "=", assessmentId)
    .executeTakeFirst();
  return Number(row?.count ?? 0);
}

// ---- Stored score rows (decision 016): derived from the answers in the submit's transaction.

/** A subquery selecting the people whose rows to read (one column, user_id), e.g. a counsellor's clients. */
export type PeopleQuery = SelectQueryBuilder<DB, keyof DB, { user_id: string }>;

export type StoredScoreRow = {
  assessmentId: string;
  userId: string;
  completedAt: number;
  scores: ScoreNumbers;
  pattern: AssessmentSummary["pattern"];
  flagIds: FlagId[];
};

const scoreColumnOf = Object.fromEntries(SCORE_KEYS.map((key) => [key, key.toLowerCase()])) as Record<ScoreKey, Lowercase<ScoreKey>>;
const scoreRowColumns = ["assessment_id", "user_id", "completed_at", ...Object.values(scoreColumnOf), "pattern", "flag_ids"] as const;

type ScoreRow = Pick<Selectable<DB["assessment_score"]>, (typeof scoreRowColumns)[number]>;

function toScoreRow(row: ScoreRow): StoredScoreRow {
  const scores = Object.fromEntries(SCORE_KEYS.map((key) => [key, numberOrNull(row[scoreColumnOf[key]])])) as ScoreNumbers;
  return {
    assessmentId: row.assessment_id,
    userId: row.user_id,
    completedAt: Number(row.completed_at),
    scores,
    pattern: row.pattern as AssessmentSummary["pattern"],
    flagIds: JSON.parse(row.flag_ids) as FlagId[],
  };
}

function numberOrNull(value: number | string | null): number | null {
  return value === null ? null : Number(value);
}

/** The scored answers packed for statistics over many people (decision 022), with their instrument version and the language they were answered in (decision 093). */
export type PackedScoredAnswers = { instrumentKey: string; scoredAnswers: string; language: string };

/** Writes the score row and, apart, the safety row of one completed assessment (replacing any). */
export async function upsertScoreRows(
  db: Kysely<DB>,
  assessmentId: string,
  userId: string,
  completedAt: number,
  summary: AssessmentSummary,
  packed: PackedScoredAnswers,
): Promise<void> {
  const scores = Object.fromEntries(SCORE_KEYS.map((key) => [scoreColumnOf[key], summary.scores[key]]));
  const values = {
    assessment_id: assessmentId,
    user_id: userId,
    completed_at: completedAt,
    ...scores,
    pattern: summary.pattern,
    flag_ids: JSON.stringify(summary.shareableFlagIds),
    instrument_key: packed.instrumentKey,
    scored_answers: packed.scoredAnswers,
    language: packed.language,
  };
  const { assessment_id: _id, ...replaced } = values;
  await db
    .insertInto("assessment_score")
    .values(values)
    .onConflict((conflict) => conflict.column("assessment_id").doUpdateSet(replaced))
    .execute();
  const safety = { raised: summary.safetyRaised ? 1 : 0, check_skipped: summary.safetyCheckSkipped ? 1 : 0 };
  await db
    .insertInto("assessment_safety")
    .values({ assessment_id: assessmentId, user_id: userId, ...safety })
    .onConflict((conflict) => conflict.column("assessment_id").doUpdateSet(safety))
    .execute();
}

/** Score rows of everyone the subquery selects, oldest first per person. Never the safety flag. */
export async function listScoreRowsOfPeople(db: Kysely<DB>, people: PeopleQuery): Promise<StoredScoreRow[]> {
  const rows = await db
    .selectFrom("assessment_score")
    .select(scoreRowColumns)
    .where("user_id", "in", people)
    .orderBy("user_id")
    .orderBy("completed_at")
    .orderBy("assessment_id")
    .execute();
  return rows.map(toScoreRow);
}

/**
 * PostgreSQL only: the score rows of the listed people, oldest first per person, each person looked
 * up through the (user_id, completed_at, assessment_id) index in turn: a lateral subquery per id,
 * kept apart by `offset 0` so it stays a probe. A list of over about 1 % of a table's rows is
 * otherwise planned as a scan of the whole table, at every size of the practice (decision 092).
 */
export async function listScoreRowsOfListedPeople(db: Kysely<DB>, userIds: readonly string[]): Promise<StoredScoreRow[]> {
  if (userIds.length === 0) return [];
  const ofPerson = db
    .selectFrom("assessment_score")
    .select(scoreRowColumns)
    .where("user_id", "=", sql<string>`k.id`)
    .offset(0);
  const { rows } =
    await sql<ScoreRow>`select s.* from unnest(cast(${[...userIds]} as text[])) as k(id) cross join lateral (${ofPerson}) as s order by s.user_id, s.completed_at, s.assessment_id`.execute(
      db,
    );
  return rows.map(toScoreRow);
}

/** PostgreSQL only: the listed people's completed assessments with no score row, each person probed as above. */
export async function listCompletedWithoutScoreRowOfListed(db: Kysely<DB>, userIds: readonly string[]): Promise<AssessmentRecord[]> {
  if (userIds.length === 0) return [];
  const ofPerson = db
    .selectFrom("assessment")
    .select(columns)
    .where("user_id", "=", sql<string>`k.id`)
    .where("status", "=", "completed")
    .where((eb) =>
      eb.not(
        eb.exists(eb.selectFrom("assessment_score").select("assessment_score.assessment_id").whereRef("assessment_score.assessment_id", "=", "assessment.id")),
      ),
    )
    .offset(0);
  const { rows } = await sql<Row>`select a.* from unnest(cast(${[...userIds]} as text[])) as k(id) cross join lateral (${ofPerson}) as a`.execute(db);
  return rows.map(toRecord);
}

/** Score rows of one person, oldest first. */
export async function listScoreRowsOf(db: Kysely<DB>, userId: string): Promise<StoredScoreRow[]> {
  const rows = await db
    .selectFrom("assessment_score")
    .select(scoreRowColumns)
    .where("user_id", "=", userId)
    .orderBy("completed_at")
    .orderBy("assessment_id")
    .execute();
  return rows.map(toScoreRow);
}

/** Completed assessments of the person that have no score row yet (written before it existed, or by hand). */
export async function listCompletedWithoutScoreRow(db: Kysely<DB>, userIds: PeopleQuery): Promise<AssessmentRecord[]> {
  const rows = await db
    .selectFrom("assessment")
    .select(columns)
    .where("user_id", "in", userIds)
    .where("status", "=", "completed")
    .where((eb) =>
      eb.not(
        eb.exists(eb.selectFrom("assessment_score").select("assessment_score.assessment_id").whereRef("assessment_score.assessment_id", "=", "assessment.id")),
      ),
    )
    .execute();
  return rows.map(toRecord);
}

/** A page of completed assessments after `afterId` (keyset by id), for rebuilding every score row. */
export async function listCompletedPage(db: Kysely<DB>, afterId: string, limit: number): Promise<AssessmentRecord[]> {
  const rows = await db
    .selectFrom("assessment")
    .select(columns)
    .where("status", "=", "completed")
    .where("id", ">", afterId)
    .orderBy("id")
    .limit(limit)
    .execute();
  return rows.map(toRecord);
}

/** What the safety check of one completed assessment found: a concern, or every question skipped. */
export type SafetyCheckResult = { raised: boolean; skipped: boolean };

/** Safety rows (assessment id → result) of everyone the subquery selects: only for a view the person allowed. */
export async function listSafetyOfPeople(db: Kysely<DB>, people: PeopleQuery): Promise<Map<string, SafetyCheckResult>> {
  const rows = await db.selectFrom("assessment_safety").select(["assessment_id", "raised", "check_skipped"]).where("user_id", "in", people).execute();
  return new Map(rows.map((row) => [row.assessment_id, { raised: Number(row.raised) === 1, skipped: Number(row.check_skipped) === 1 }]));
}
