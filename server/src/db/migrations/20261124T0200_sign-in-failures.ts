import type { Kysely } from "kysely";

// Failed sign-in attempts, for throttling per account and per client address. Both
// keys are keyed hashes (HMAC with the auth secret), so the table holds no email
// address or IP address. Timestamps are epoch milliseconds: one portable type.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("sign_in_failure")
    .addColumn("id", "text", (column) => column.primaryKey())
    .addColumn("account_key", "text", (column) => column.notNull())
    .addColumn("client_key", "text", (column) => column.notNull())
    .addColumn("failed_at", "bigint", (column) => column.notNull())
    .execute();
  await db.schema
    .createIndex("sign_in_failure_account_idx")
    .on("sign_in_failure")
    .columns(["account_key", "client_key", "failed_at"])
    .execute();
  await db.schema.createIndex("sign_in_failure_time_idx").on("sign_in_failure").column("failed_at").execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("sign_in_failure").execute();
}
