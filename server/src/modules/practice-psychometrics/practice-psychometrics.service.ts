// The instrument on a practice's own clients (decision 017): Cronbach's alpha, corrected
// item–total correlations and SEM per dimension over the latest completed profile of every client
// who shares their profile with the practice, streamed page by page so memory stays bounded.
import type { Kysely } from "kysely";
import {
  addLanguageResponse,
  addPsychometricsResponse,
  createLanguageAccumulators,
  createPsychometricsAccumulator,
  deriveDeploymentNorms,
  DIF_MINIMUM_PER_GROUP,
  INTERDEPENDENCE_PROFILE_V1,
  PRACTICE_NORMS_MINIMUM_N,
  screenItemsByLanguage,
  summariseByLanguage,
  summarisePsychometrics,
  type DifLanguageScreen,
  type DimensionPsychometrics,
  type Instrument,
  type LanguageFigures,
  type NormSource,
  type PracticePsychometricsResponse,
  type ScoreNorms,
} from "@mutual/core";
import type { DB } from "../../db/schema.js";
import type { Actor } from "../../domain/actor.js";
import { requirePracticeRole, requireTwoFactor } from "../practice/index.js";
import { mayPublish, normSourceOf } from "./practice-psychometrics.policy.js";
import { presentPracticePsychometrics } from "./practice-psychometrics.presenter.js";
import {
  listAnswersOfAssessments,
  listConsentedMemberIds,
  listLatestCompletedAssessments,
  readEligibleFingerprint,
} from "./practice-psychometrics.repository.js";

/** People read per page: their answers (about 40 rows each) are all the memory a page needs. */
const PAGE_SIZE = 250;
/** Figures are reused for at most this long, and only while the fingerprint of their inputs holds. */
const CACHE_TTL_MS = 5 * 60_000;
/**
 * How long the dashboard reuses figures without even checking the fingerprint (a join over every
 * client's profiles: about 17 ms on PostgreSQL at 5,000 clients, too much for every page).
 */
const DEFAULT_TRUST_MS = 60_000;
const CACHE_MAX_PRACTICES = 500;
/** Published figures kept per process: far more than the cache, so churning practices cannot push one out cheaply. */
const PUBLISHED_MAX_PRACTICES = 20_000;

export type PracticeNorms = {
  /** Reliability and SD per score for reliable change: the practice's own where N is reached, else provisional. */
  norms: ScoreNorms;
  normSource: NormSource;
  summary: DimensionPsychometrics[];
  /** People counted (each with their latest completed profile). */
  respondents: number;
  instrument: Pick<Instrument, "id" | "version">;
  computedAt: number;
  /** The same figures by the language each person's latest profile was answered in (decision 087). */
  byLanguage: LanguageFigures[];
  /** Items that read differently in a language (decision 067), each language against the rest. */
  itemsByLanguage: DifLanguageScreen[];
};

/** `checkedAt`: when the fingerprint was last found unchanged (or the figures computed); trusted for `trustMs` from then. */
type CacheEntry = { fingerprint: string; storedAt: number; checkedAt: number; value: PracticeNorms };
type DatabaseCache = {
  entries: Map<string, CacheEntry>;
  /** One computation per practice and inputs at a time: requests arriving meanwhile wait for it. */
  inFlight: Map<string, Promise<PracticeNorms>>;
  /** The figures last shown on each practice's psychometrics page (see publishedFigures). */
  published: Map<string, PracticeNorms>;
};

/**
 * One cache per database. Keyed by the Kysely instance's dialect adapter, which its transactions
 * share, so a read inside a caller's transaction finds the same cache, and two databases in one
 * process (tests, the bench's SQLite and PostgreSQL runs) never see each other's figures.
 */
const caches = new WeakMap<object, DatabaseCache>();

function cacheOf(db: Kysely<DB>): DatabaseCache {
  const key = db.getExecutor().adapter;
  let found = caches.get(key);
  if (!found) {
    found = { entries: new Map(), inFlight: new Map(), published: new Map() };
    caches.set(key, found);
  }
  return found;
}

export type PracticeNormsOptions = {
  now?: number;
  /** Reuse figures this young without checking their inputs; 0 always checks (the admins' page). */
  trustMs?: number;
};

async function computePracticeNorms(db: Kysely<DB>, practiceId: string, instrument: Instrument, now: number): Promise<PracticeNorms> {
  const accumulator = createPsychometricsAccumulator(instrument);
  const languages = createLanguageAccumulators(instrument, { keepForScreen: true });
  let respondents = 0;
  let after: string | null = null;
  for (;;) {
    const userIds = await listConsentedMemberIds(db, practiceId, after, PAGE_SIZE);
    if (userIds.length === 0) break;
    const assessments = await listLatestCompletedAssessments(db, userIds, instrument);
    const answersById = await listAnswersOfAssessments(
      db,
      assessments.map((assessment) => assessment.id),
    );
    for (const { id, language } of assessments) {
      const answers = answersById.get(id) ?? {};
      addPsychometricsResponse(accumulator, answers);
      addLanguageResponse(languages, language, answers);
      respondents += 1;
    }
    after = userIds[userIds.length - 1] as string;
    if (userIds.length < PAGE_SIZE) break;
  }
  const summary = summarisePsychometrics(accumulator);
  const norms = deriveDeploymentNorms(summary, PRACTICE_NORMS_MINIMUM_N);
  return {
    norms,
    normSource: normSourceOf(norms),
    summary,
    respondents,
    instrument: { id: instrument.id, version: instrument.version },
    computedAt: now,
    byLanguage: summariseByLanguage(languages, PRACTICE_NORMS_MINIMUM_N),
    itemsByLanguage: screenItemsByLanguage(languages, DIF_MINIMUM_PER_GROUP),
  };
}

/**
 * The norms reliable change should use for this practice's clients, and which they are
 * (`normSource`). Cached per practice: reused for `trustMs` as they are, then for up to five
 * minutes while a fingerprint of their inputs is unchanged (each check that finds it so trusted for
 * `trustMs` again), else computed again.
 */
export async function getPracticeNorms(db: Kysely<DB>, practiceId: string, options: PracticeNormsOptions = {}): Promise<PracticeNorms> {
  const now = options.now ?? Date.now();
  const { entries: cache, inFlight } = cacheOf(db);
  const cached = cache.get(practiceId);
  if (cached && now - cached.checkedAt < (options.trustMs ?? DEFAULT_TRUST_MS)) return cached.value;
  const fingerprint = await readEligibleFingerprint(db, practiceId);
  // Read the cache again: a request that arrived together with this one may have finished its
  // computation while this one waited for the fingerprint (then it is no longer in flight).
  const current = cache.get(practiceId);
  if (current && current.fingerprint === fingerprint && now - current.storedAt < CACHE_TTL_MS) {
    // Without this, every read after the first minute would check again until the five minutes
    // ran out: at 100,000 clients that check costs far more than the page it serves.
    current.checkedAt = Math.max(current.checkedAt, now);
    return current.value;
  }
  const key = `${practiceId}|${fingerprint}`;
  const running = inFlight.get(key);
  if (running) return running;
  const computation = computePracticeNorms(db, practiceId, INTERDEPENDENCE_PROFILE_V1, now)
    .then((value) => {
      cache.delete(practiceId);
      cache.set(practiceId, { fingerprint, storedAt: now, checkedAt: now, value });
      // Oldest first in a Map: drop the least recently stored beyond the bound.
      while (cache.size > CACHE_MAX_PRACTICES) cache.delete(cache.keys().next().value as string);
      return value;
    })
    .finally(() => inFlight.delete(key));
  inFlight.set(key, computation);
  return computation;
}

/**
 * What the admins' page shows: the figures last published for the practice, replaced by the
 * current ones only once the number of people counted moved by PRACTICE_PUBLISH_STEP_N since
 * (decision 017). Kept in process memory like the cache; reliable change on the dashboard uses
 * the current norms, never these.
 */
function publishedFigures(db: Kysely<DB>, practiceId: string, current: PracticeNorms): PracticeNorms {
  const { published } = cacheOf(db);
  const last = published.get(practiceId);
  if (last && !mayPublish(last.respondents, current.respondents)) return last;
  published.delete(practiceId);
  published.set(practiceId, current);
  while (published.size > PUBLISHED_MAX_PRACTICES) published.delete(published.keys().next().value as string);
  return current;
}

export type PracticePsychometricsDeps = { db: Kysely<DB>; clock: { now(): Date } };

/** For the practice's owners and admins with two-step sign-in on: aggregates and N only. */
export async function getPracticePsychometrics(deps: PracticePsychometricsDeps, actor: Actor, practiceId: string): Promise<PracticePsychometricsResponse> {
  await requirePracticeRole(deps.db, actor, practiceId, ["owner", "admin"]);
  requireTwoFactor(actor);
  const current = await getPracticeNorms(deps.db, practiceId, { now: deps.clock.now().getTime(), trustMs: 0 });
  return presentPracticePsychometrics(publishedFigures(deps.db, practiceId, current));
}
