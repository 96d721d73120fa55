import { type Kysely } from "kysely";

// Statistics over a whole deployment (decision 022) read, per person, the latest completed
// profile's answers to the scored items. Reading them from assessment_answer means some forty rows
// per person, which at a million people is tens of millions of rows; so each score row now also
// keeps its assessment's instrument version (`instrument_key`, "id@version") and its answers to
// the scored items packed into one short string (`scored_answers`: a digit per item, "-" when
// skipped; the safety screen's answers are never packed). The answers stay the truth: both columns
// are derived, written in the submit's transaction. Frozen in time (decision 052): the rows that
// existed before this migration are filled by the derived-rows module at start-up, with the packing
// the code has then, not here.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("assessment_score").addColumn("instrument_key", "text").execute();
  await db.schema.alterTable("assessment_score").addColumn("scored_answers", "text").execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("assessment_score").dropColumn("scored_answers").execute();
  await db.schema.alterTable("assessment_score").dropColumn("instrument_key").execute();
}
