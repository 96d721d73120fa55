import type { Kysely } from "kysely";
import type { DB } from "../../db/schema.js";

/** Commits one tiny write, which fails when the disk is full or the database is read-only. */
export async function writeReadinessProbe(db: Kysely<DB>, atMs: number): Promise<void> {
  await db
    .insertInto("readiness_probe")
    .values({ id: "probe", probed_at: atMs })
    .onConflict((conflict) => conflict.column("id").doUpdateSet({ probed_at: atMs }))
    .execute();
}
