import type { Kysely } from "kysely";

// One row that `/readyz` writes on every probe: a database that answers reads but cannot commit
// a write (a full disk, a read-only standby after a failover) is not ready (decision 027). The
// row holds only the time of the last probe.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("readiness_probe")
    .addColumn("id", "text", (column) => column.primaryKey())
    .addColumn("probed_at", "bigint", (column) => column.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("readiness_probe").execute();
}
