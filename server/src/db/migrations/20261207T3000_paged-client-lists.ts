import type { Kysely } from "kysely";

// Paged lists of a counsellor's clients and open client invites (decision 040): each page is read
// in (created_at, id) order after a cursor, so the index ends with those columns and a page reads
// only its own rows. The new indexes start with the old ones' columns, which they replace.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createIndex("practice_client_counsellor_page_idx")
    .on("practice_client")
    .columns(["practice_id", "counsellor_id", "created_at", "id"])
    .execute();
  await db.schema.dropIndex("practice_client_counsellor_idx").execute();
  await db.schema
    .createIndex("client_invite_counsellor_page_idx")
    .on("client_invite")
    .columns(["practice_id", "counsellor_id", "status", "created_at", "id"])
    .execute();
  await db.schema.dropIndex("client_invite_counsellor_idx").execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex("client_invite_counsellor_idx").on("client_invite").columns(["practice_id", "counsellor_id", "status"]).execute();
  await db.schema.dropIndex("client_invite_counsellor_page_idx").execute();
  await db.schema.createIndex("practice_client_counsellor_idx").on("practice_client").columns(["practice_id", "counsellor_id"]).execute();
  await db.schema.dropIndex("practice_client_counsellor_page_idx").execute();
}
