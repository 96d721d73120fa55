import { expect } from "vitest";
import { sql, type Kysely } from "kysely";
import type { DB } from "../src/db/schema.js";

const FLAGS: ReadonlyArray<[string, number]> = [
  ["power_imbalance", 1],
  ["codependency_risk", 2],
  ["low_intimacy", 4],
  ["low_support", 8],
  ["difference_reflection", 16],
  ["social_withdrawal", 32],
  ["safety", 64],
];
const COUNTS: ReadonlyArray<[string, string]> = [
  ["clients", "1"],
  ["off_track", "off_track"],
  ...FLAGS.flatMap(([name, bit]): Array<[string, string]> => [
    [`flag_${name}`, `case when (flag_bits & ${bit}) <> 0 then 1 else 0 end`],
    [`off_track_flag_${name}`, `case when (flag_bits & ${bit}) <> 0 then off_track else 0 end`],
  ]),
];

/**
 * The dashboard's kept counts (client_summary_count, decision 090) equal a count of the client
 * rows, for every practice and counsellor, every client, off track and each flag: none missing,
 * none extra (a counter at zero is as good as none).
 */
export async function expectKeptCounts(db: Kysely<DB>): Promise<void> {
  const kept = await sql<Record<string, string | number>>`select practice_id, counsellor_id, ${sql.raw(COUNTS.map(([name]) => name).join(", "))}
    from client_summary_count`.execute(db);
  const counted = await sql<Record<string, string | number>>`select practice_id, counsellor_id,
    ${sql.raw(COUNTS.map(([name, of]) => `sum(${of}) as ${name}`).join(", "))} from client_summary group by practice_id, counsellor_id`.execute(db);
  const shape = (rows: ReadonlyArray<Record<string, string | number>>) =>
    rows
      .map((row) => ({
        practice: String(row.practice_id),
        counsellor: String(row.counsellor_id),
        ...Object.fromEntries(COUNTS.map(([name]) => [name, Number(row[name] ?? 0)])),
      }))
      .filter((row) => COUNTS.some(([name]) => (row as Record<string, unknown>)[name] !== 0))
      .sort((a, b) => (a.practice + a.counsellor < b.practice + b.counsellor ? -1 : 1));
  expect(shape(kept.rows)).toEqual(shape(counted.rows));
}
