import { sql, type Kysely } from "kysely";

// The off-track verdict kept per client (decision 077), so the dashboard counts and walks off-track
// clients through an index instead of testing every client's change since intake on each read.
// `deteriorated` is the reliable-deterioration verdict drawn with the norms named in
// client_summary_state.verdict_tests; `off_track_reasons` is new_flag + declining + deteriorated
// (0 to 3), the off-track sort; `off_track` is 1 when it is above 0, the off-track filter (an
// equality, so its index reads the matching clients in name order). The norms are not known here (they come from the
// practice's clients' answers): the reasons known without them are filled in now, and each practice's
// deterioration verdicts are drawn on its next dashboard read, when verdict_tests is still null.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable("client_summary")
    .addColumn("deteriorated", "integer", (column) => column.notNull().defaultTo(0))
    .execute();
  await db.schema
    .alterTable("client_summary")
    .addColumn("off_track_reasons", "integer", (column) => column.notNull().defaultTo(0))
    .execute();
  await db.schema
    .alterTable("client_summary")
    .addColumn("off_track", "integer", (column) => column.notNull().defaultTo(0))
    .execute();
  await sql`update client_summary set off_track_reasons = new_flag + declining, off_track = case when new_flag + declining > 0 then 1 else 0 end`.execute(db);
  // The off-track filter in name order, either way, and its count.
  await db.schema
    .createIndex("client_summary_off_track_name_idx")
    .on("client_summary")
    .columns(["practice_id", "counsellor_id", "off_track", "name_key", "client_id"])
    .execute();
  // The off-track sort both ways (ties always by name upwards).
  await db.schema
    .createIndex("client_summary_off_track_idx")
    .on("client_summary")
    .columns(["practice_id", "counsellor_id", "off_track_reasons", "name_key", "client_id"])
    .execute();
  await db.schema
    .createIndex("client_summary_off_track_desc_idx")
    .on("client_summary")
    .columns(["practice_id", "counsellor_id", "off_track_reasons desc", "name_key", "client_id"])
    .execute();
  await db.schema.alterTable("client_summary_state").addColumn("verdict_tests", "text").execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex("client_summary_off_track_name_idx").execute();
  await db.schema.dropIndex("client_summary_off_track_desc_idx").execute();
  await db.schema.dropIndex("client_summary_off_track_idx").execute();
  await db.schema.alterTable("client_summary_state").dropColumn("verdict_tests").execute();
  await db.schema.alterTable("client_summary").dropColumn("off_track").execute();
  await db.schema.alterTable("client_summary").dropColumn("off_track_reasons").execute();
  await db.schema.alterTable("client_summary").dropColumn("deteriorated").execute();
}
