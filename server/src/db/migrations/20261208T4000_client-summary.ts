import { sql, type Kysely } from "kysely";
import { dialectOf } from "./dialect-of.js";

// One stored row per client for the counsellor's dashboard (decision 063): what it sorts, filters
// and counts by, aggregated from the client's member summary rows (decision 018), so a page reads
// its 25 rows through an index instead of every client of the counsellor. Derived data, written
// with the member rows by the same refresh; cascades from the client. `client_summary_state`
// marks a practice whose rows were built whole; a practice without the mark (from before this
// table, or data loaded directly) is built on its next dashboard read, so nothing is backfilled here.
// On PostgreSQL the sort key and the client id compare byte by byte (collation "C"), as SQLite's
// BINARY does, so both dialects order pages the same.

/** The orders a page is read in: by name (either direction, read backwards), and by each value both ways, absent values read apart. */
const valueColumns = ["we", "me", "last_check_in_at"];

export async function up(db: Kysely<any>): Promise<void> {
  const bytewise = (await dialectOf(db)) === "postgres" ? sql`text collate "C"` : sql`text`;
  await db.schema
    .createTable("client_summary")
    .addColumn("client_id", bytewise, (column) => column.primaryKey().references("practice_client.id").onDelete("cascade"))
    .addColumn("practice_id", "text", (column) => column.notNull())
    .addColumn("counsellor_id", "text", (column) => column.notNull())
    .addColumn("name_key", bytewise, (column) => column.notNull())
    // Means of the members' latest We and Me; the latest check-in of any member.
    .addColumn("we", "double precision")
    .addColumn("me", "double precision")
    .addColumn("last_check_in_at", "bigint")
    // The oldest latest check-in among members who share check-ins (0 for one who has none; null when
    // nobody shares them): overdue is "older than ten days ago", a range on this column.
    .addColumn("oldest_check_in_at", "bigint")
    // Shareable flags of the members' latest profiles, and bit 64 for a raised safety check (with that scope).
    .addColumn("flag_bits", "integer", (column) => column.notNull())
    .addColumn("new_flag", "integer", (column) => column.notNull())
    .addColumn("declining", "integer", (column) => column.notNull())
    .execute();
  await db.schema.createIndex("client_summary_name_idx").on("client_summary").columns(["practice_id", "counsellor_id", "name_key", "client_id"]).execute();
  for (const column of valueColumns) {
    await db.schema
      .createIndex(`client_summary_${column}_idx`)
      .on("client_summary")
      .columns(["practice_id", "counsellor_id", column, "name_key", "client_id"])
      .execute();
    await db.schema
      .createIndex(`client_summary_${column}_desc_idx`)
      .on("client_summary")
      .columns(["practice_id", "counsellor_id", `${column} desc`, "name_key", "client_id"])
      .execute();
  }
  // Counting a filter reads this index alone.
  await db.schema
    .createIndex("client_summary_count_idx")
    .on("client_summary")
    .columns(["practice_id", "counsellor_id", "flag_bits", "oldest_check_in_at", "new_flag", "declining"])
    .execute();
  await db.schema
    .createTable("client_summary_state")
    .addColumn("practice_id", "text", (column) => column.primaryKey())
    .addColumn("built_at", "bigint", (column) => column.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("client_summary_state").execute();
  await db.schema.dropTable("client_summary").execute();
}
