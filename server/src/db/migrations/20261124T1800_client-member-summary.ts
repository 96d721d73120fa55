import type { Kysely } from "kysely";

// One stored summary row per client member (decision 018): what the counsellor's dashboard
// filters, sorts and counts by, so a dashboard of 5,000 clients reads one index range instead
// of several index probes per member. Derived data, kept by the writes that change it (score
// rows, latest check-in, consent, last view, name) in their own transactions; a counsellor whose
// members lack rows gets them rebuilt on the next dashboard read, so this migration backfills
// nothing. Only what the member shares now is stored: without the profile scope no score column
// is filled, without safety no safety bit, without check-ins no check-in time.
// Cascades from the member row, so a member leaving or an account deleted takes it along.

/** Latest minus intake, per score (lower case score keys): the reliable-change test runs on these at read time, with the norms of the day. */
const differenceColumns = ["close", "support", "accept", "voice", "self", "ties", "rely", "we", "me", "codependency"].map((key) => `d_${key}`);

export async function up(db: Kysely<any>): Promise<void> {
  let table = db.schema
    .createTable("client_member_summary")
    .addColumn("client_id", "text", (column) => column.notNull())
    .addColumn("user_id", "text", (column) => column.notNull())
    .addColumn("practice_id", "text", (column) => column.notNull())
    .addColumn("counsellor_id", "text", (column) => column.notNull())
    .addColumn("joined_at", "bigint", (column) => column.notNull())
    .addColumn("name", "text", (column) => column.notNull())
    // Scopes and what was found, as bits (see the client-summary repository).
    .addColumn("bits", "integer", (column) => column.notNull())
    .addColumn("check_in_at", "bigint")
    .addColumn("we", "double precision")
    .addColumn("me", "double precision")
    // Shareable flags of the latest profile and of the one at the counsellor's last look, as bits.
    .addColumn("latest_flag_bits", "integer")
    .addColumn("seen_flag_bits", "integer");
  for (const column of differenceColumns) table = table.addColumn(column, "double precision");
  await table
    .addPrimaryKeyConstraint("client_member_summary_pk", ["client_id", "user_id"])
    .addForeignKeyConstraint("client_member_summary_member_fk", ["client_id", "user_id"], "practice_client_member", ["client_id", "user_id"], (constraint) => constraint.onDelete("cascade"))
    .execute();
  // The dashboard's one read: a counsellor's members in a practice, in client order.
  await db.schema.createIndex("client_member_summary_counsellor_idx").on("client_member_summary").columns(["practice_id", "counsellor_id", "client_id", "joined_at", "user_id"]).execute();
  await db.schema.createIndex("client_member_summary_user_idx").on("client_member_summary").column("user_id").execute();

  // A database migrated while 20261124T1600 still built this index without the id column
  // keeps the older index; make it the one every read orders by.
  await db.schema.dropIndex("assessment_score_user_completed_idx").ifExists().execute();
  await db.schema.createIndex("assessment_score_user_completed_idx").on("assessment_score").columns(["user_id", "completed_at", "assessment_id"]).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("client_member_summary").execute();
}
