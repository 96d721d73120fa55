import type { Kysely } from "kysely";

// The reliability and SD per score that reliable change uses for everyone's own profile change
// (decision 022): estimated from the deployment's own profiles by a scheduled job and kept here,
// one row per instrument version, so a request reads one row instead of recomputing them.
// `norms` is JSON (core's ScoreNorms: reliability, sd and source per score); timestamps epoch ms.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("deployment_norms")
    .addColumn("instrument_key", "text", (column) => column.primaryKey())
    .addColumn("respondents", "integer", (column) => column.notNull())
    .addColumn("norms", "text", (column) => column.notNull())
    .addColumn("computed_at", "bigint", (column) => column.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("deployment_norms").execute();
}
