import { type Kysely } from "kysely";
import { INTERDEPENDENCE_PROFILE_V1, SCORE_KEYS, summariseAssessment, type Instrument } from "@mutual/core";

// Read models for the counsellor's dashboard (decision 016). Both are derived data: the
// answers and the check-ins stay the one source of truth (decision 009), these rows only
// save a dashboard of thousands of clients from scoring every answer on every request.
// - assessment_score: one row per completed assessment, its scores, pattern and shareable
//   flag ids (a JSON array), written in the submit's transaction.
// - assessment_safety: whether the private safety flag fired, in a table of its own so that
//   no query of the scores can return it by accident.
// - check_in_latest: each person's latest check-in week, written in the check-in's transaction.
// Rows for data written before this migration are backfilled here, from the answers, with the
// same core function the submit uses. Everything cascades from "user" and "assessment".

/** Score columns, lower case: close, support, accept, voice, self, ties, rely, we, me, codependency. */
const scoreColumns = SCORE_KEYS.map((key) => key.toLowerCase());

const instruments: readonly Instrument[] = [INTERDEPENDENCE_PROFILE_V1];
const batchSize = 200;

export async function up(db: Kysely<any>): Promise<void> {
  let scoreTable = db.schema
    .createTable("assessment_score")
    .addColumn("assessment_id", "text", (column) => column.primaryKey().references("assessment.id").onDelete("cascade"))
    .addColumn("user_id", "text", (column) => column.notNull().references("user.id").onDelete("cascade"))
    .addColumn("completed_at", "bigint", (column) => column.notNull());
  for (const name of scoreColumns) scoreTable = scoreTable.addColumn(name, "double precision");
  await scoreTable
    .addColumn("pattern", "text")
    .addColumn("flag_ids", "text", (column) => column.notNull())
    .execute();
  // Ordered as every read orders (latest first, id breaking ties), so "latest per person" is one index probe.
  await db.schema.createIndex("assessment_score_user_completed_idx").on("assessment_score").columns(["user_id", "completed_at", "assessment_id"]).execute();

  await db.schema
    .createTable("assessment_safety")
    .addColumn("assessment_id", "text", (column) => column.primaryKey().references("assessment.id").onDelete("cascade"))
    .addColumn("user_id", "text", (column) => column.notNull().references("user.id").onDelete("cascade"))
    .addColumn("raised", "integer", (column) => column.notNull())
    .execute();
  await db.schema.createIndex("assessment_safety_user_idx").on("assessment_safety").column("user_id").execute();

  await db.schema
    .createTable("check_in_latest")
    .addColumn("user_id", "text", (column) => column.primaryKey().references("user.id").onDelete("cascade"))
    .addColumn("iso_week", "text", (column) => column.notNull())
    .addColumn("updated_at", "bigint", (column) => column.notNull())
    .execute();

  await backfillScores(db);
  await backfillLatestCheckIns(db);
}

async function backfillScores(db: Kysely<any>): Promise<void> {
  let after = "";
  for (;;) {
    const assessments: Array<{ id: string; user_id: string; instrument_id: string; instrument_version: string; completed_at: number | string }> = await db
      .selectFrom("assessment")
      .select(["id", "user_id", "instrument_id", "instrument_version", "completed_at"])
      .where("status", "=", "completed")
      .where("id", ">", after)
      .orderBy("id")
      .limit(batchSize)
      .execute();
    if (assessments.length === 0) return;
    after = assessments.at(-1)?.id ?? after;
    const answers: Array<{ assessment_id: string; item_id: string; value: number }> = await db
      .selectFrom("assessment_answer")
      .select(["assessment_id", "item_id", "value"])
      .where(
        "assessment_id",
        "in",
        assessments.map((row) => row.id),
      )
      .execute();
    const byAssessment = new Map<string, Record<string, number>>();
    for (const answer of answers) {
      const map = byAssessment.get(answer.assessment_id) ?? {};
      map[answer.item_id] = Number(answer.value);
      byAssessment.set(answer.assessment_id, map);
    }
    const scores: Array<Record<string, unknown>> = [];
    const safety: Array<Record<string, unknown>> = [];
    for (const row of assessments) {
      const instrument = instruments.find((entry) => entry.id === row.instrument_id && entry.version === row.instrument_version);
      if (!instrument) throw new Error(`Unknown instrument ${row.instrument_id}@${row.instrument_version}`);
      const summary = summariseAssessment(instrument, byAssessment.get(row.id) ?? {});
      const scoreValues: Record<string, unknown> = { assessment_id: row.id, user_id: row.user_id, completed_at: Number(row.completed_at) };
      for (const key of SCORE_KEYS) scoreValues[key.toLowerCase()] = summary.scores[key];
      scoreValues.pattern = summary.pattern;
      scoreValues.flag_ids = JSON.stringify(summary.shareableFlagIds);
      scores.push(scoreValues);
      safety.push({ assessment_id: row.id, user_id: row.user_id, raised: summary.safetyRaised ? 1 : 0 });
    }
    await db.insertInto("assessment_score").values(scores).execute();
    await db.insertInto("assessment_safety").values(safety).execute();
  }
}

async function backfillLatestCheckIns(db: Kysely<any>): Promise<void> {
  let after = "";
  for (;;) {
    // The latest week per person, a page of people at a time.
    const people: Array<{ user_id: string; iso_week: string }> = await db
      .selectFrom("check_in")
      .select(["user_id"])
      .select((eb) => eb.fn.max("iso_week").as("iso_week"))
      .where("user_id", ">", after)
      .groupBy("user_id")
      .orderBy("user_id")
      .limit(batchSize)
      .execute();
    if (people.length === 0) return;
    after = people.at(-1)?.user_id ?? after;
    const rows: Array<{ user_id: string; iso_week: string; updated_at: number | string }> = await db
      .selectFrom("check_in")
      .select(["user_id", "iso_week", "updated_at"])
      .where(
        "user_id",
        "in",
        people.map((person) => person.user_id),
      )
      .execute();
    const latest = new Map(people.map((person) => [person.user_id, person.iso_week]));
    const values = rows
      .filter((row) => latest.get(row.user_id) === row.iso_week)
      .map((row) => ({ user_id: row.user_id, iso_week: row.iso_week, updated_at: Number(row.updated_at) }));
    await db.insertInto("check_in_latest").values(values).execute();
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("check_in_latest").execute();
  await db.schema.dropTable("assessment_safety").execute();
  await db.schema.dropTable("assessment_score").execute();
}
