import { type Kysely, sql } from "kysely";

// Consent, profile assessments and their answers. Every row belongs to a person and
// goes with them: foreign keys cascade from "user", so deleting the account deletes it
// all. Scores are not stored: they are computed from the answers on read, so the
// answers stay the one source of truth. Timestamps are epoch milliseconds.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("consent")
    .addColumn("user_id", "text", (column) => column.primaryKey().references("user.id").onDelete("cascade"))
    .addColumn("notice_version", "text", (column) => column.notNull())
    .addColumn("consented_at", "bigint", (column) => column.notNull())
    .execute();

  await db.schema
    .createTable("assessment")
    .addColumn("id", "text", (column) => column.primaryKey())
    .addColumn("user_id", "text", (column) => column.notNull().references("user.id").onDelete("cascade"))
    .addColumn("instrument_id", "text", (column) => column.notNull())
    .addColumn("instrument_version", "text", (column) => column.notNull())
    .addColumn("status", "text", (column) => column.notNull().check(sql`status in ('in_progress', 'completed')`))
    .addColumn("started_at", "bigint", (column) => column.notNull())
    .addColumn("completed_at", "bigint")
    .execute();
  await db.schema.createIndex("assessment_user_status_idx").on("assessment").columns(["user_id", "status"]).execute();
  // At most one profile in progress per person, even when two devices start one at once.
  await db.schema
    .createIndex("assessment_one_in_progress_idx")
    .on("assessment")
    .column("user_id")
    .unique()
    .where(sql.ref("status"), "=", "in_progress")
    .execute();

  await db.schema
    .createTable("assessment_answer")
    .addColumn("assessment_id", "text", (column) => column.notNull().references("assessment.id").onDelete("cascade"))
    .addColumn("item_id", "text", (column) => column.notNull())
    .addColumn("value", "integer", (column) => column.notNull())
    .addColumn("answered_at", "bigint", (column) => column.notNull())
    .addPrimaryKeyConstraint("assessment_answer_pk", ["assessment_id", "item_id"])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("assessment_answer").execute();
  await db.schema.dropTable("assessment").execute();
  await db.schema.dropTable("consent").execute();
}
