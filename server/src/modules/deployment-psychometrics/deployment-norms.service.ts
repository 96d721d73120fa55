// Reliable change for everyone's own profile uses the deployment's own reliability and SD per score
// once a dimension has enough complete responses (decision 022), else the provisional values, and
// says which. A scheduled job (one instance per round) computes them and stores one row per
// instrument version; a request reads that row. Until a round has run, everything is provisional.
import type { Transaction } from "kysely";
import { z } from "zod";
import {
  chooseNormsForLanguage,
  INTERDEPENDENCE_PROFILE_V1,
  instrumentKeyOf,
  PROVISIONAL_NORMS,
  SCORE_KEYS,
  SCORED_DIMENSIONS,
  type Instrument,
  type LanguageNorms,
  type NormsChoice,
  type ScoreNorms,
} from "@mutual/core";
import type { Database } from "../../db/database.js";
import type { DB } from "../../db/schema.js";
import type { Kysely } from "kysely";
import type { Clock } from "../../platform/clock.js";
import { scheduleJob, type Job, type JobLogger, type ScheduledJob } from "../../platform/scheduled-job.js";
import { readAnswerLanguages, readStoredNorms, storeNorms } from "./deployment-psychometrics.repository.js";
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
  // Only languages with some figures of their own are kept: the others would say "provisional"
  // everywhere. With one language only, its figures are the shared ones: nothing to keep apart.
  const normsByLanguage =
    measured.byLanguage.length < 2
      ? {}
      : Object.fromEntries(
          measured.byLanguage
            .filter((figures) => SCORED_DIMENSIONS.some((code) => figures.norms[code].source === "deployment"))
            .map((figures) => [figures.language, figures.norms]),
        );
  await storeNorms(trx, instrumentKeyOf(instrument), {
    respondents: measured.respondents,
    norms: JSON.stringify(measured.norms),
    computedAt: now.getTime(),
    normsByLanguage: JSON.stringify(normsByLanguage),
  });
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

const storedNormsByLanguageSchema = z.record(z.string(), storedNormsSchema);

/** Our own row, but read as untrusted: a damaged value must fall back, never divide by a zero SEM. */
function parseStored<T>(text: string | null, schema: z.ZodType<T>): T | undefined {
  if (text === null) return undefined;
  try {
    const checked = schema.safeParse(JSON.parse(text));
    return checked.success ? checked.data : undefined;
  } catch {
    return undefined;
  }
}

/** The norms reliable change should use for profiles of this instrument version now (shared by every language). */
export async function getDeploymentNorms(db: Kysely<DB>, instrument: Instrument): Promise<ScoreNorms> {
  const stored = await readStoredNorms(db, instrumentKeyOf(instrument));
  return (stored && parseStored(stored.norms, storedNormsSchema)) ?? PROVISIONAL_NORMS;
}

/**
 * The norms for comparing a profile answered in `before` with one answered in `after` (decision
 * 087): the language's own where both are in it and it has its own figures, else the shared ones;
 * the choice says which language's, if any, was used.
 */
export async function getDeploymentNormsForLanguage(db: Kysely<DB>, instrument: Instrument, before: string, after: string): Promise<NormsChoice> {
  const stored = await readStoredNorms(db, instrumentKeyOf(instrument));
  const shared = stored && parseStored(stored.norms, storedNormsSchema);
  // A damaged row is damaged whole: its figures by language are not trusted either.
  if (!shared) return { norms: PROVISIONAL_NORMS, normLanguage: null, fromLanguage: [] };
  const byLanguage: LanguageNorms = parseStored(stored.normsByLanguage, storedNormsByLanguageSchema) ?? {};
  return chooseNormsForLanguage(shared, byLanguage, before, after);
}

/** The norms for comparing two stored profiles, by the languages they were answered in. */
export async function getDeploymentNormsForChange(db: Kysely<DB>, instrument: Instrument, beforeId: string, afterId: string): Promise<NormsChoice> {
  const languages = await readAnswerLanguages(db, [beforeId, afterId]);
  return getDeploymentNormsForLanguage(db, instrument, languages.get(beforeId) ?? "en", languages.get(afterId) ?? "en");
}

/** Recomputes the norms once per period across every instance on this database, until stopped. */
export function startDeploymentNormsJob(options: { database: Database; logger: JobLogger; clock: Clock; periodMs: number }): ScheduledJob {
  return scheduleJob({ ...options, ...deploymentNormsJob(options.database.db) });
}
