import type { Kysely } from "kysely";

// When a counsellor last opened a client member's detail (decision 016): a flag present now
// that was not present then puts the client "off track" on the dashboard. One row per
// counsellor and client member; it goes when the person stops being the client (cascade from
// practice_client_member) or when either account is deleted. Epoch milliseconds.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("client_last_view")
    .addColumn("counsellor_id", "text", (column) => column.notNull().references("user.id").onDelete("cascade"))
    .addColumn("client_id", "text", (column) => column.notNull())
    .addColumn("user_id", "text", (column) => column.notNull())
    .addColumn("viewed_at", "bigint", (column) => column.notNull())
    .addPrimaryKeyConstraint("client_last_view_pk", ["counsellor_id", "client_id", "user_id"])
    .addForeignKeyConstraint("client_last_view_member_fk", ["client_id", "user_id"], "practice_client_member", ["client_id", "user_id"], (constraint) => constraint.onDelete("cascade"))
    .execute();
  await db.schema.createIndex("client_last_view_member_idx").on("client_last_view").columns(["client_id", "user_id"]).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("client_last_view").execute();
}
