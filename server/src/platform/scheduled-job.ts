// A job that runs once per period (decision 021), however many server processes share the
// database. Each process wakes just after every period boundary and tries the round in one
// transaction: on PostgreSQL it first takes a transaction-scoped advisory lock (a process that
// cannot get it skips at once instead of queueing behind the winner), then inserts the round's
// job_run row, whose primary key (job, period) lets only one insert ever commit; the round's
// work runs in that same transaction, so a round that fails records nothing and another process
// (or the next wake-up) may do it. SQLite is one process: the same transaction, no lock needed.
import os from "node:os";
import { sql, type Kysely, type Transaction } from "kysely";
import type { Database } from "../db/database.js";
import type { DB } from "../db/schema.js";
import type { Clock } from "./clock.js";

/** Round rows older than this are pruned by the job's own rounds: enough history for an operator to look back a week. */
export const jobRunKeepMs = 7 * 24 * 60 * 60 * 1000;

export type JobWork<Prepared = undefined> = (trx: Transaction<DB>, now: Date, prepared: Prepared) => Promise<Record<string, number>>;

/**
 * A job: `work` runs in the round's transaction. A job whose reading is long (seconds) reads in
 * `prepare` instead, before and outside that transaction, and only writes in `work`: on SQLite a
 * transaction holds the one connection, so every request would wait for the whole read.
 */
export type Job<Prepared = undefined> = { name: string; prepare?: (now: Date) => Promise<Prepared>; work: JobWork<Prepared> };

export type RoundOutcome =
  | { ran: true; periodKey: string; result: Record<string, number> }
  /** `busy`: another process holds the round's lock now; `done`: the round is already recorded. */
  | { ran: false; periodKey: string; reason: "busy" | "done" };

export type JobLogger = {
  info(details: object, message: string): void;
  debug(details: object, message: string): void;
  error(details: object, message: string): void;
};

/** This process, as job_run.instance shows it. */
export const thisInstance = `${os.hostname()}:${process.pid}`;

/** Tries one round of `job` for `periodKey`; runs `work` only if no process has done (or is doing) that round. */
export async function runRound<Prepared = undefined>(
  database: Database,
  job: Job<Prepared>,
  periodKey: string,
  now: Date,
  instance: string = thisInstance,
): Promise<RoundOutcome> {
  let prepared = undefined as Prepared;
  if (job.prepare) {
    // Not worth preparing a round another process has already done; one that is being done
    // right now is caught below, by the lock and the round's row, as for any job.
    const done = await database.db.selectFrom("job_run").select("job").where("job", "=", job.name).where("period_key", "=", periodKey).executeTakeFirst();
    if (done) return { ran: false, periodKey, reason: "done" };
    prepared = await job.prepare(now);
  }
  return database.db.transaction().execute(async (trx) => {
    if (database.dialect === "postgres" && !(await tryRoundLock(trx, job.name))) return { ran: false, periodKey, reason: "busy" } as const;
    const startedAt = now.getTime();
    const wallStart = Date.now();
    const inserted = await trx
      .insertInto("job_run")
      .values({ job: job.name, period_key: periodKey, instance, started_at: startedAt, finished_at: startedAt, result: "{}" })
      .onConflict((conflict) => conflict.columns(["job", "period_key"]).doNothing())
      .executeTakeFirst();
    if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 0) return { ran: false, periodKey, reason: "done" } as const;
    const result = await job.work(trx, now, prepared);
    await trx
      .deleteFrom("job_run")
      .where("job", "=", job.name)
      .where("started_at", "<", startedAt - jobRunKeepMs)
      .execute();
    await trx
      .updateTable("job_run")
      .set({ finished_at: startedAt + (Date.now() - wallStart), result: JSON.stringify(result) })
      .where("job", "=", job.name)
      .where("period_key", "=", periodKey)
      .execute();
    return { ran: true, periodKey, result } as const;
  });
}

/**
 * A transaction-scoped advisory lock per job and schema: released by commit or rollback, so a
 * crashed process never leaves it held. The schema is part of the key so that deployments (and
 * test runs) sharing one PostgreSQL database in different schemas do not skip each other's rounds.
 */
async function tryRoundLock(trx: Kysely<DB>, jobName: string): Promise<boolean> {
  const { rows } = await sql<{ locked: boolean }>`select pg_try_advisory_xact_lock(hashtext(current_schema() || ':job:' || ${jobName})) as locked`.execute(trx);
  return rows[0]?.locked === true;
}

export type ScheduledJob = {
  /** Stops waking up and waits for a round in progress to finish. */
  stop(): Promise<void>;
};

/**
 * Wakes this process just after each period boundary (plus a little jitter, so instances do not
 * all hit the database in the same millisecond) and tries that period's round. A failed round is
 * logged and the schedule goes on.
 */
export function scheduleJob<Prepared = undefined>(options: {
  database: Database;
  logger: JobLogger;
  clock: Clock;
  name: string;
  periodMs: number;
  prepare?: (now: Date) => Promise<Prepared>;
  work: JobWork<Prepared>;
  /** After a round this process ran has committed, with its counts: what must not happen inside its transaction. */
  afterRound?: (result: Record<string, number>) => Promise<void>;
}): ScheduledJob {
  const { database, logger, clock, name, periodMs, prepare, work, afterRound } = options;
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  let inFlight: Promise<void> = Promise.resolve();

  const scheduleNext = () => {
    if (stopped) return;
    const now = clock.now().getTime();
    const nextStart = (Math.floor(now / periodMs) + 1) * periodMs;
    const jitter = Math.floor(Math.random() * Math.min(periodMs / 10, 30_000));
    // The round is the one whose boundary we waited for, even if the timer fires a little late or early.
    const periodKey = new Date(nextStart).toISOString();
    timer = setTimeout(
      () => {
        inFlight = attempt(periodKey).finally(scheduleNext);
      },
      nextStart - now + jitter,
    );
    // The HTTP server keeps the process alive; this timer alone should not.
    timer.unref();
  };

  const attempt = async (periodKey: string) => {
    const started = Date.now();
    try {
      const outcome = await runRound(database, { name, work, ...(prepare ? { prepare } : {}) }, periodKey, clock.now());
      if (outcome.ran) {
        logger.info({ job: name, period: periodKey, result: outcome.result, ms: Date.now() - started }, "Scheduled job ran");
        await afterRound?.(outcome.result);
      } else logger.debug({ job: name, period: periodKey, reason: outcome.reason }, "Scheduled job skipped: another instance has this round");
    } catch (error) {
      logger.error({ job: name, period: periodKey, err: error }, "Scheduled job failed; it will try again next round");
    }
  };

  scheduleNext();
  return {
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await inFlight;
    },
  };
}
