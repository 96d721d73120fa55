import type { Readiness } from "@mutual/core";
import type { Database } from "../../db/database.js";
import { pingDatabase } from "../../db/database.js";
import { hasPendingMigrations } from "../../db/migrate.js";
import { storageProblemOf } from "../../db/storage-health.js";
import { writeReadinessProbe } from "./health.repository.js";

export type ReadinessReport = { ready: boolean; checks: Readiness["checks"]; failure?: unknown };

/**
 * Ready means: the database answers, every migration is applied, and a write can commit now,
 * with no write failing for lack of space in the last few seconds (decision 027). Each step is
 * bounded by the database's own timeouts, so the probe never hangs.
 */
export async function checkReadiness(database: Database, nowMs: number): Promise<ReadinessReport> {
  const checks: Readiness["checks"] = { database: "ok", migrations: "unknown", writes: "unknown" };
  try {
    await pingDatabase(database);
  } catch (failure) {
    checks.database = "unreachable";
    return { ready: false, checks, failure };
  }
  try {
    checks.migrations = (await hasPendingMigrations(database)) ? "pending" : "applied";
  } catch (failure) {
    checks.database = storageProblemOf(failure) === "unreachable" ? "unreachable" : "ok";
    return { ready: false, checks, failure };
  }
  if (checks.migrations !== "applied") return { ready: false, checks };
  try {
    await database.health.watch(() => writeReadinessProbe(database.db, nowMs), { isProbe: true });
    checks.writes = database.health.recentProblem(nowMs) === "full" ? "failing" : "ok";
  } catch (failure) {
    database.health.noteError(failure);
    checks.writes = "failing";
    return { ready: false, checks, failure };
  }
  return { ready: checks.writes === "ok", checks };
}
