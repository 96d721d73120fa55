import type { Kysely } from "kysely";

// Start-up checks that the configured key-encryption keys open the stored data keys, one per
// key id, and key rotation rewraps the data keys of one key id in pages: both find rows by key id.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex("data_key_key_id_idx").on("data_key").columns(["key_id", "user_id"]).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex("data_key_key_id_idx").execute();
}
