import type { Kysely } from "kysely";

// "Overdue" (the oldest latest check-in older than ten days) moves with the clock, so it cannot be
// kept like the other filters (decision 090) nor handed over by the order indexes. This index reads
// exactly the overdue clients of a counsellor, with the other filters' columns and the id, so the
// dashboard reads at most its cap of them without touching the table (decision 096).
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createIndex("client_summary_overdue_idx")
    .on("client_summary")
    .columns(["practice_id", "counsellor_id", "oldest_check_in_at", "flag_bits", "off_track", "client_id"])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex("client_summary_overdue_idx").execute();
}
