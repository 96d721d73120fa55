import type { Kysely } from "kysely";

// Idempotency rows now hold a reference to the result (a week, a completion id), never a copy
// of it, plus a keyed fingerprint of the request so a key reused with another body is refused.
// Rows written before held sealed copies of responses (with notes): they are only retry
// records of the last 24 hours, so they are dropped rather than converted.
export async function up(db: Kysely<any>): Promise<void> {
  await db.deleteFrom("idempotency_key").execute();
  await db.schema.alterTable("idempotency_key").addColumn("request_fingerprint", "text").execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("idempotency_key").dropColumn("request_fingerprint").execute();
}
