import { expect } from "vitest";
import type { Kysely } from "kysely";
import type { DB } from "../src/db/schema.js";

/**
 * The dashboard's kept counts (client_summary_count, decision 090) equal a count of the client
 * rows, for every practice and counsellor: none missing, none extra (a counter at zero is as good as none).
 */
export async function expectKeptCounts(db: Kysely<DB>): Promise<void> {
  const kept = await db.selectFrom("client_summary_count").select(["practice_id", "counsellor_id", "clients", "off_track"]).execute();
  const counted = await db
    .selectFrom("client_summary")
    .select((eb) => ["practice_id", "counsellor_id", eb.fn.countAll<number | string>().as("clients"), eb.fn.sum<number | string>("off_track").as("off_track")])
    .groupBy(["practice_id", "counsellor_id"])
    .execute();
  const shape = (rows: ReadonlyArray<{ practice_id: string; counsellor_id: string; clients: number | string; off_track: number | string | null }>) =>
    rows
      .map((row) => ({ practice: row.practice_id, counsellor: row.counsellor_id, clients: Number(row.clients), offTrack: Number(row.off_track ?? 0) }))
      .filter((row) => row.clients !== 0 || row.offTrack !== 0)
      .sort((a, b) => (a.practice + a.counsellor < b.practice + b.counsellor ? -1 : 1));
  expect(shape(kept)).toEqual(shape(counted));
}
