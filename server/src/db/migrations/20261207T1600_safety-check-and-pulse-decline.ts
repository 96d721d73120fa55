import { type Kysely } from "kysely";

// Two derived facts, both for people who chose to share them with their counsellor:
// - assessment_safety.check_skipped: every safety question left unanswered (decision 034);
// - check_in_latest.pulse_declining: a We or Me pulse in a sustained decline as of the person's
//   latest check-in, for the counsellor's "off track" (decision 035).
// The same decision 034 counts a neutral answer to the question about being hurt or threatened as a
// concern, so every stored safety row must be worked out again; and the rows written before need
// their decline. Both are rebuilt by the derived-rows module at start-up, with today's rules, and
// the dashboard's summary rows that carry them are cleared there too: this migration only changes
// the tables (frozen in time, decision 052).

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("assessment_safety").addColumn("check_skipped", "integer", (column) => column.notNull().defaultTo(0)).execute();
  await db.schema.alterTable("check_in_latest").addColumn("pulse_declining", "integer").execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("check_in_latest").dropColumn("pulse_declining").execute();
  await db.schema.alterTable("assessment_safety").dropColumn("check_skipped").execute();
}
