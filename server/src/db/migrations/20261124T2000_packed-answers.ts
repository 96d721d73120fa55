import { type Kysely } from "kysely";
import { INTERDEPENDENCE_PROFILE_V1, instrumentKeyOf, packScoredAnswers, type Instrument } from "@mutual/core";

// Statistics over a whole deployment (decision 022) read, per person, the latest completed
// profile's answers to the scored items. Reading them from assessment_answer means some forty rows
// per person, which at a million people is tens of millions of rows; so each score row now also
// keeps its assessment's instrument version (`instrument_key`, "id@version") and its answers to
// the scored items packed into one short string (`scored_answers`, core's packScoredAnswers: a
// digit per item, "-" when skipped; the safety screen's answers are never packed). The answers
// stay the truth: both columns are derived, written in the submit's transaction, backfilled here.

const instruments: readonly Instrument[] = [INTERDEPENDENCE_PROFILE_V1];
const batchSize = 200;

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("assessment_score").addColumn("instrument_key", "text").execute();
  await db.schema.alterTable("assessment_score").addColumn("scored_answers", "text").execute();
  let after = "";
  for (;;) {
    const rows: Array<{ id: string; instrument_id: string; instrument_version: string }> = await db
      .selectFrom("assessment_score as score")
      .innerJoin("assessment", "assessment.id", "score.assessment_id")
      .select(["assessment.id as id", "assessment.instrument_id as instrument_id", "assessment.instrument_version as instrument_version"])
      .where("score.assessment_id", ">", after)
      .orderBy("score.assessment_id")
      .limit(batchSize)
      .execute();
    if (rows.length === 0) return;
    after = rows.at(-1)?.id ?? after;
    const answers: Array<{ assessment_id: string; item_id: string; value: number }> = await db
      .selectFrom("assessment_answer")
      .select(["assessment_id", "item_id", "value"])
      .where(
        "assessment_id",
        "in",
        rows.map((row) => row.id),
      )
      .execute();
    const byAssessment = new Map<string, Record<string, number>>();
    for (const answer of answers) {
      const map = byAssessment.get(answer.assessment_id) ?? {};
      map[answer.item_id] = Number(answer.value);
      byAssessment.set(answer.assessment_id, map);
    }
    for (const row of rows) {
      const instrument = instruments.find((entry) => entry.id === row.instrument_id && entry.version === row.instrument_version);
      if (!instrument) throw new Error(`Unknown instrument ${row.instrument_id}@${row.instrument_version}`);
      await db
        .updateTable("assessment_score")
        .set({ instrument_key: instrumentKeyOf(instrument), scored_answers: packScoredAnswers(instrument, byAssessment.get(row.id) ?? {}) })
        .where("assessment_id", "=", row.id)
        .execute();
    }
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("assessment_score").dropColumn("scored_answers").execute();
  await db.schema.alterTable("assessment_score").dropColumn("instrument_key").execute();
}
