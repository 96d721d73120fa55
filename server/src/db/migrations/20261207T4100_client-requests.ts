import type { Kysely } from "kysely";

// A counsellor's request that a client do this week's check-in or take the profile again
// (issue 17, decision 047). One row per client member asked. It goes with the member's account,
// the counsellor's account and the client record (cascade). `expires_at` is null for a request
// that never expires; `status` is open, declined or cancelled (done and expired are worked out
// from the dates and the member's own writes, never stored twice). Epoch milliseconds.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("client_request")
    .addColumn("id", "text", (column) => column.primaryKey())
    .addColumn("client_id", "text", (column) => column.notNull().references("practice_client.id").onDelete("cascade"))
    .addColumn("practice_id", "text", (column) => column.notNull())
    .addColumn("counsellor_id", "text", (column) => column.notNull().references("user.id").onDelete("cascade"))
    .addColumn("user_id", "text", (column) => column.notNull().references("user.id").onDelete("cascade"))
    .addColumn("kind", "text", (column) => column.notNull())
    .addColumn("status", "text", (column) => column.notNull())
    .addColumn("created_at", "bigint", (column) => column.notNull())
    .addColumn("expires_at", "bigint")
    .addColumn("reminder_at", "bigint")
    .addColumn("answered_at", "bigint")
    .execute();
  await db.schema.createIndex("client_request_user_idx").on("client_request").columns(["user_id", "status"]).execute();
  await db.schema.createIndex("client_request_client_idx").on("client_request").columns(["client_id"]).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("client_request").execute();
}
