import type { Kysely } from "kysely";

// One "who viewed my data" row per viewer, owner, role and scope per ten-minute window (decision 064):
// a read within the window of an open row adds its sitting to that row (a count and every sitting's
// time) instead of a row of its own. `sitting_times`: the epoch milliseconds of every sitting,
// comma-separated, oldest first; `first_viewed_at` opens the window. Rows from before this have
// neither (one sitting, at viewed_at) and are never extended.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable("data_view")
    .addColumn("sittings", "integer", (column) => column.notNull().defaultTo(1))
    .execute();
  await db.schema.alterTable("data_view").addColumn("first_viewed_at", "bigint").execute();
  await db.schema.alterTable("data_view").addColumn("sitting_times", "text").execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("data_view").dropColumn("sitting_times").execute();
  await db.schema.alterTable("data_view").dropColumn("first_viewed_at").execute();
  await db.schema.alterTable("data_view").dropColumn("sittings").execute();
}
