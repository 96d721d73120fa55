// The instrument on a practice's own clients (decision 017): Cronbach's alpha, corrected
// item–total correlations and SEM per dimension over the latest completed profile of every client
// who shares their profile with the practice, streamed page by page so memory stays bounded.
import type { Kysely } from "kysely";
import {
  addPsychometricsResponse,
  createPsychometricsAccumulator,
  deriveDeploymentNorms,
  INTERDEPENDENCE_PROFILE_V1,
  PRACTICE_NORMS_MINIMUM_N,
  summarisePsychometrics,
  type DimensionPsychometrics,
  type Instrument,
  type NormSource,
  type PracticePsychometricsResponse,
  type ScoreNorms,
} from "@mutual/core";
import type { DB } from "../../db/schema.js";
import type { Actor } from "../../http/route-access.js";
import { requirePracticeRole, requireTwoFactor } from "../practice/index.js";
import { normSourceOf } from "./practice-psychometrics.policy.js";
import { presentPracticePsychometrics } from "./practice-psychometrics.presenter.js";
import { listAnswersOfAssessments, listConsentedMemberIds, listLatestCompletedAssessmentIds, readEligibleFingerprint } from "./practice-psychometrics.repository.js";

/** People read per page: their answers (about 40 rows each) are all the memory a page needs. */
const PAGE_SIZE = 250;
/** Figures are reused for at most this long, and only while the fingerprint of their inputs holds. */
const CACHE_TTL_MS = 5 * 60_000;
const CACHE_MAX_PRACTICES = 500;

export type PracticeNorms = {
  /** Reliability and SD per score for reliable change: the practice's own where N is reached, else provisional. */
  norms: ScoreNorms;
  normSource: NormSource;
  summary: DimensionPsychometrics[];
  /** People counted (each with their latest completed profile). */
  respondents: number;
  instrument: Pick<Instrument, "id" | "version">;
  computedAt: number;
};

type CacheEntry = { fingerprint: string; storedAt: number; value: PracticeNorms };
const cache = new Map<string, CacheEntry>();

async function computePracticeNorms(db: Kysely<DB>, practiceId: string, instrument: Instrument, now: number): Promise<PracticeNorms> {
  const accumulator = createPsychometricsAccumulator(instrument);
  let respondents = 0;
  let after: string | null = null;
  for (;;) {
    const userIds = await listConsentedMemberIds(db, practiceId, after, PAGE_SIZE);
    if (userIds.length === 0) break;
    const assessmentIds = await listLatestCompletedAssessmentIds(db, userIds, instrument);
    const answersById = await listAnswersOfAssessments(db, assessmentIds);
    for (const id of assessmentIds) {
      addPsychometricsResponse(accumulator, answersById.get(id) ?? {});
      respondents += 1;
    }
    after = userIds[userIds.length - 1] as string;
    if (userIds.length < PAGE_SIZE) break;
  }
  const summary = summarisePsychometrics(accumulator);
  const norms = deriveDeploymentNorms(summary, PRACTICE_NORMS_MINIMUM_N);
  return { norms, normSource: normSourceOf(norms), summary, respondents, instrument: { id: instrument.id, version: instrument.version }, computedAt: now };
}

/**
 * The norms reliable change should use for this practice's clients, and which they are
 * (`normSource`). Cached per practice for a few minutes while its inputs are unchanged.
 */
export async function getPracticeNorms(db: Kysely<DB>, practiceId: string, now: number = Date.now()): Promise<PracticeNorms> {
  const fingerprint = await readEligibleFingerprint(db, practiceId);
  const cached = cache.get(practiceId);
  if (cached && cached.fingerprint === fingerprint && now - cached.storedAt < CACHE_TTL_MS) return cached.value;
  const value = await computePracticeNorms(db, practiceId, INTERDEPENDENCE_PROFILE_V1, now);
  cache.delete(practiceId);
  cache.set(practiceId, { fingerprint, storedAt: now, value });
  // Oldest first in a Map: drop the least recently stored beyond the bound.
  while (cache.size > CACHE_MAX_PRACTICES) cache.delete(cache.keys().next().value as string);
  return value;
}

export type PracticePsychometricsDeps = { db: Kysely<DB>; clock: { now(): Date } };

/** For the practice's owners and admins with two-step sign-in on: aggregates and N only. */
export async function getPracticePsychometrics(deps: PracticePsychometricsDeps, actor: Actor, practiceId: string): Promise<PracticePsychometricsResponse> {
  await requirePracticeRole(deps.db, actor, practiceId, ["owner", "admin"]);
  requireTwoFactor(actor);
  return presentPracticePsychometrics(await getPracticeNorms(deps.db, practiceId, deps.clock.now().getTime()));
}
