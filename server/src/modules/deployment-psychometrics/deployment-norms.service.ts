// Reliable change for everyone's own profile uses the deployment's own reliability and SD per score
// once a dimension has enough complete responses (decision 022), else the provisional values, and
// says which. A scheduled job (one instance per round) computes them and stores one row per
// instrument version; a request reads that row. Until a round has run, everything is provisional.
import type { Transaction } from "kysely";
import { z } from "zod";
import { INTERDEPENDENCE_PROFILE_V1, instrumentKeyOf, PROVISIONAL_NORMS, SCORE_KEYS, type Instrument, type ScoreNorms } from "@mutual/core";
import type { Database } from "../../db/database.js";
import type { DB } from "../../db/schema.js";
import type { Kysely } from "kysely";
import type { Clock } from "../../platform/clock.js";
import { scheduleJob, type Job, type JobLogger, type ScheduledJob } from "../../platform/scheduled-job.js";
import { readStoredNorms, storeNorms } from "./deployment-psychometrics.repository.js";
import { computeDeploymentPsychometrics, type DeploymentPsychometrics } from "./deployment-psychometrics.service.js";

export const deploymentNormsJobName = "deployment-norms";

const reliabilityParamsSchema = z.object({ reliability: z.number().gt(0).lt(1), sd: z.number().positive(), source: z.enum(["provisional", "deployment"]) });
const storedNormsSchema = z.object(
  Object.fromEntries(SCORE_KEYS.map((key) => [key, reliabilityParamsSchema])) as Record<(typeof SCORE_KEYS)[number], typeof reliabilityParamsSchema>,
);

/** The round's reading: the instrument over everyone's latest profile (seconds at a million people), outside any transaction. */
export async function measureDeploymentNorms(db: Kysely<DB>, instrument: Instrument = INTERDEPENDENCE_PROFILE_V1): Promise<DeploymentPsychometrics> {
  return computeDeploymentPsychometrics(db, { instrument });
}

/** The round's writing, in its transaction: the measured norms, stored for reliable change. */
export async function storeDeploymentNorms(
  trx: Transaction<DB> | Kysely<DB>,
  now: Date,
  measured: DeploymentPsychometrics,
  instrument: Instrument = INTERDEPENDENCE_PROFILE_V1,
): Promise<Record<string, number>> {
  await storeNorms(trx, instrumentKeyOf(instrument), { respondents: measured.respondents, norms: JSON.stringify(measured.norms), computedAt: now.getTime() });
  return {
    respondents: measured.respondents,
    unreadable: measured.unreadable,
    fromDeployment: SCORE_KEYS.filter((key) => measured.norms[key].source === "deployment").length,
  };
}

/** The job as runRound and scheduleJob take it: read first, then store in the round's short transaction. */
export function deploymentNormsJob(db: Kysely<DB>): Job<DeploymentPsychometrics> {
  return { name: deploymentNormsJobName, prepare: () => measureDeploymentNorms(db), work: (trx, now, measured) => storeDeploymentNorms(trx, now, measured) };
}

/** The norms reliable change should use for profiles of this instrument version now. */
export async function getDeploymentNorms(db: Kysely<DB>, instrument: Instrument): Promise<ScoreNorms> {
  const stored = await readStoredNorms(db, instrumentKeyOf(instrument));
  if (!stored) return PROVISIONAL_NORMS;
  // Our own row, but read as untrusted: a damaged one must fall back, never divide by a zero SEM.
  let parsed: unknown;
  try {
    parsed = JSON.parse(stored.norms);
  } catch {
    return PROVISIONAL_NORMS;
  }
  const checked = storedNormsSchema.safeParse(parsed);
  return checked.success ? checked.data : PROVISIONAL_NORMS;
}

/** Recomputes the norms once per period across every instance on this database, until stopped. */
export function startDeploymentNormsJob(options: { database: Database; logger: JobLogger; clock: Clock; periodMs: number }): ScheduledJob {
  return scheduleJob({ ...options, ...deploymentNormsJob(options.database.db) });
}
