import { type Kysely } from "kysely";

// Read models for the counsellor's dashboard (decision 016). Both are derived data: the
// answers and the check-ins stay the one source of truth (decision 009), these rows only
// save a dashboard of thousands of clients from scoring every answer on every request.
// - assessment_score: one row per completed assessment, its scores, pattern and shareable
//   flag ids (a JSON array), written in the submit's transaction.
// - assessment_safety: whether the private safety flag fired, in a table of its own so that
//   no query of the scores can return it by accident.
// - check_in_latest: each person's latest check-in week, written in the check-in's transaction.
// Frozen in time (decision 052): the score columns are written out as they stood, and the score
// rows of assessments completed before this migration are not computed here, with whatever scoring
// rules the code has when it runs, but by the derived-rows module at start-up (and on any read that
// finds one missing). The latest check-in week needs no rule: it is backfilled here, in SQL.
// Everything cascades from "user" and "assessment".

/** Score columns as they stood: close, support, accept, voice, self, ties, rely, we, me, codependency. */
const scoreColumns = ["close", "support", "accept", "voice", "self", "ties", "rely", "we", "me", "codependency"] as const;
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

  await backfillLatestCheckIns(db);
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
