// The retention sweep (decision 021): every few minutes, one server process deletes the rows
// docs/privacy.md promises not to keep. Most of these rows are also pruned as they are used
// (a person's old failures when they fail again); the sweep covers the people who never come
// back, whose rows would otherwise stay for ever.
import type { Transaction } from "kysely";
import { truncateWriteAheadLog, type Database } from "../../db/database.js";
import type { DB } from "../../db/schema.js";
import type { Clock } from "../../platform/clock.js";
import { scheduleJob, type JobLogger, type ScheduledJob } from "../../platform/scheduled-job.js";
import { retentionCutoffs } from "./retention.policy.js";
import { deleteExpiredRows, type SweepCounts } from "./retention.repository.js";

export const retentionJobName = "retention-sweep";

/** One sweep, in the caller's transaction: deletes what is past retention as of `now` and returns the counts per table. */
export async function sweepExpiredRows(trx: Transaction<DB>, now: Date): Promise<SweepCounts> {
  return deleteExpiredRows(trx, retentionCutoffs(now));
}

/**
 * Runs the sweep once per period across every instance on this database, until stopped. A round
 * that deleted rows ends, once committed, by emptying SQLite's write-ahead log, whose old frames
 * still hold them (decision 030): an unfinished sign-up's name and address go from the disk too.
 */
export function startRetentionSweep(options: { database: Database; logger: JobLogger; clock: Clock; periodMs: number }): ScheduledJob {
  const afterRound = async (result: Record<string, number>) => {
    if (Object.values(result).some((deleted) => deleted > 0)) await truncateWriteAheadLog(options.database);
  };
  return scheduleJob({ ...options, name: retentionJobName, work: sweepExpiredRows, afterRound });
}
