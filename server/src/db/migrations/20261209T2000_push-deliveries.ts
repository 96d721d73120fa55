import type { Kysely } from "kysely";

// Which of a person's devices took one push notice (decision 071): one row per outbox row and
// device, written as soon as that device's push service accepted it, so a retry of the notice
// (another device failed, or the sender died mid-way) goes only to the devices that did not take
// it. No words and no address: two ids and a time. It goes with the notice (pruned after 60 days)
// and with the device (cascade on both).
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("push_delivery")
    .addColumn("outbox_message_id", "text", (column) => column.notNull().references("outbox_message.id").onDelete("cascade"))
    .addColumn("subscription_id", "text", (column) => column.notNull().references("push_subscription.id").onDelete("cascade"))
    .addColumn("delivered_at", "bigint", (column) => column.notNull())
    .addPrimaryKeyConstraint("push_delivery_pk", ["outbox_message_id", "subscription_id"])
    .execute();
  await db.schema.createIndex("push_delivery_subscription_idx").on("push_delivery").columns(["subscription_id"]).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("push_delivery").execute();
}
