import type { Kysely } from "kysely";

// Weekly reminders a person controls, and the outbox every notice goes through (issue 17,
// decision 046). Both go with the account (cascade). Timestamps are epoch milliseconds.
//
// reminder_setting: one row per person who chose something. `time_zone` is null while they only
// answered the one-time question and never set a time; `next_due_at` is null while reminders are
// off. The delivery round turns a due setting into an outbox row and moves `next_due_at` a week on,
// in one transaction.
//
// outbox_message: one row per notice to send. `dedupe_key` is unique: one weekly reminder per
// person and week, one notice per request and purpose, however often a round or a retry writes
// it. A row holds no address and no text: both are read when it is sent, so a deleted account's
// rows are gone and a changed address is used. `claim_token`/`claimed_until` let one instance
// send a row while others leave it alone; `status` ends as sent, skipped, expired, failed or
// cancelled, and finished rows are pruned after a while.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("reminder_setting")
    .addColumn("user_id", "text", (column) => column.primaryKey().references("user.id").onDelete("cascade"))
    .addColumn("enabled", "integer", (column) => column.notNull())
    .addColumn("weekday", "integer", (column) => column.notNull())
    .addColumn("minute_of_day", "integer", (column) => column.notNull())
    .addColumn("time_zone", "text")
    .addColumn("channel", "text", (column) => column.notNull())
    .addColumn("quiet_start", "integer")
    .addColumn("quiet_end", "integer")
    .addColumn("next_due_at", "bigint")
    .addColumn("is_snoozed", "integer", (column) => column.notNull())
    .addColumn("prompt_answered", "integer", (column) => column.notNull())
    .addColumn("updated_at", "bigint", (column) => column.notNull())
    .execute();
  await db.schema.createIndex("reminder_setting_due_idx").on("reminder_setting").columns(["next_due_at"]).execute();

  await db.schema
    .createTable("outbox_message")
    .addColumn("id", "text", (column) => column.primaryKey())
    .addColumn("user_id", "text", (column) => column.notNull().references("user.id").onDelete("cascade"))
    .addColumn("kind", "text", (column) => column.notNull())
    .addColumn("dedupe_key", "text", (column) => column.notNull().unique())
    .addColumn("reference_id", "text")
    .addColumn("due_at", "bigint", (column) => column.notNull())
    .addColumn("expires_at", "bigint", (column) => column.notNull())
    .addColumn("status", "text", (column) => column.notNull())
    .addColumn("attempts", "integer", (column) => column.notNull())
    .addColumn("next_attempt_at", "bigint", (column) => column.notNull())
    .addColumn("claim_token", "text")
    .addColumn("claimed_until", "bigint")
    .addColumn("created_at", "bigint", (column) => column.notNull())
    .addColumn("finished_at", "bigint")
    .execute();
  await db.schema.createIndex("outbox_message_pending_idx").on("outbox_message").columns(["status", "next_attempt_at"]).execute();
  await db.schema.createIndex("outbox_message_user_idx").on("outbox_message").columns(["user_id"]).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("outbox_message").execute();
  await db.schema.dropTable("reminder_setting").execute();
}
