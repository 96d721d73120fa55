import type { Kysely } from "kysely";

// Web Push subscriptions, one row per device a person turned push on for (issue 17, decision 060).
// The endpoint is a capability URL that names the device at its push service: personal data, so
// it and the device's keys are kept sealed with the person's data key (`sealed`, `key_id`, as the
// check-in note), and go with the account (cascade; the data key is destroyed first, decision 030).
// `endpoint_hash` (SHA-256 of the endpoint) finds a device again without opening anything, and
// is unique: a device belongs to the one person who subscribed it last.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("push_subscription")
    .addColumn("id", "text", (column) => column.primaryKey())
    .addColumn("user_id", "text", (column) => column.notNull().references("user.id").onDelete("cascade"))
    .addColumn("endpoint_hash", "text", (column) => column.notNull().unique())
    .addColumn("sealed", "text", (column) => column.notNull())
    .addColumn("key_id", "text", (column) => column.notNull())
    .addColumn("created_at", "bigint", (column) => column.notNull())
    .execute();
  await db.schema.createIndex("push_subscription_user_idx").on("push_subscription").columns(["user_id"]).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("push_subscription").execute();
}
