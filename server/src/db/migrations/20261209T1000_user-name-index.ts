import type { Kysely } from "kysely";

// People in name order, through an index (issue 21): the practice CSV walks accounts by (name, id) a
// step at a time instead of sorting every person of the practice before its first line, so no step
// of a large practice's export holds the server for more than a few milliseconds.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex("user_name_idx").on("user").columns(["name", "id"]).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex("user_name_idx").execute();
}
