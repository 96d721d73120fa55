import type { Kysely } from "kysely";

// One row per round of a scheduled job (decision 021). The primary key (job, period) is what
// makes a round run once when several instances share one PostgreSQL: each instance tries to
// insert the round's row in the transaction that does the round's work, and only one insert can
// commit. `result` is the round's counts as JSON (numbers only, never personal data).
// Timestamps are epoch milliseconds.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("job_run")
    .addColumn("job", "text", (column) => column.notNull())
    .addColumn("period_key", "text", (column) => column.notNull())
    .addColumn("instance", "text", (column) => column.notNull())
    .addColumn("started_at", "bigint", (column) => column.notNull())
    .addColumn("finished_at", "bigint", (column) => column.notNull())
    .addColumn("result", "text", (column) => column.notNull())
    .addPrimaryKeyConstraint("job_run_pk", ["job", "period_key"])
    .execute();
  await db.schema.createIndex("job_run_started_idx").on("job_run").columns(["job", "started_at"]).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("job_run").execute();
}
