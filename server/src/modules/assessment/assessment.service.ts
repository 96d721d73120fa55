import { randomUUID } from "node:crypto";
import { PostgresAdapter, type Kysely } from "kysely";
import {
  SCORED_DIMENSIONS,
  answerLanguageAfter,
  classifyChange,
  deriveFlags,
  instrumentKeyOf,
  packScoredAnswers,
  scoreProfile,
  screenSafety,
  summariseAssessment,
  type ClientAnswers,
  type CurrentAssessmentResponse,
  type InProgressAssessment,
  type Instrument,
  type Language,
  type OwnerFlagView,
  type Profile,
  type ProfileAnswers,
  type ProfileChangeResponse,
  type ProfileResponse,
  type SafetyScreen,
  type SaveAnswerResponse,
} from "@mutual/core";
import type { DB } from "../../db/schema.js";
import { DomainError } from "../../domain/errors.js";
import type { Clock } from "../../platform/clock.js";
import { refreshClientSummariesOfPerson } from "../client-summary/index.js";
import { getDeploymentNormsForChange } from "../deployment-psychometrics/index.js";
import { requireConsent } from "../consent/index.js";
import {
  CURRENT_INSTRUMENT,
  instrumentOf,
  requireInProgress,
  requireKnownItem,
  requireOwn,
  requireRetakeAllowed,
  toProfileAnswers,
  type AssessmentRecord,
  type StoredAnswer,
} from "./assessment.policy.js";
import {
  countAnswers,
  deleteAssessment,
  findInProgress,
  findOwnAssessment,
  insertAssessment,
  listAll,
  listAnswers,
  listAnswersOf,
  listCompleted,
  lockInProgress,
  listCompletedPage,
  listCompletedWithoutScoreRow,
  listCompletedWithoutScoreRowOfListed,
  listScoreRowsOfListedPeople,
  listSafetyOfPeople,
  type SafetyCheckResult,
  listScoreRowsOf,
  listScoreRowsOfPeople,
  markCompleted,
  setAssessmentLanguage,
  upsertAnswer,
  upsertScoreRows,
  type PackedScoredAnswers,
  type PeopleQuery,
  type StoredScoreRow,
} from "./assessment.repository.js";
import { presentCurrent, presentInProgress } from "./assessment.presenter.js";
import { presentClientAnswers } from "./client-answers.presenter.js";
import { keepScored, readScored, type ScoredResult } from "./scored-cache.js";
import { derivePracticeGuidance, NO_GUIDANCE, type PracticeGuidance } from "./practice-guidance.js";
import { presentChange, presentHistoryEntry, presentProfileView } from "./profile.presenter.js";

export type AssessmentDeps = { db: Kysely<DB>; clock: Clock };

/** The profile in progress (if any), its statements in `language`: the page's (decision 085). */
export async function getCurrentAssessment(deps: AssessmentDeps, userId: string, language: Language = "en"): Promise<CurrentAssessmentResponse> {
  const [inProgress, completed] = await Promise.all([findInProgress(deps.db, userId), listCompleted(deps.db, userId)]);
  const view = inProgress ? presentInProgress(instrumentOf(inProgress), inProgress, await listAnswers(deps.db, inProgress.id), language) : null;
  return presentCurrent(view, completed);
}

/** Starts a profile, or returns the one already in progress (a second tap or a second device), its statements in `language`. */
export async function startAssessment(deps: AssessmentDeps, userId: string, language: Language = "en"): Promise<InProgressAssessment> {
  await requireConsent(deps.db, userId);
  const now = deps.clock.now().getTime();
  const { record, answers } = await createOrResume(deps, userId, now, language).catch(async (error: unknown) => {
    // Two devices starting at the same moment: the unique index lets one win; the other resumes it.
    const winner = await findInProgress(deps.db, userId);
    if (!winner) throw error;
    return { record: winner, answers: await listAnswers(deps.db, winner.id) };
  });
  return presentInProgress(instrumentOf(record), record, answers, language);
}

async function createOrResume(
  deps: AssessmentDeps,
  userId: string,
  now: number,
  language: Language,
): Promise<{ record: AssessmentRecord; answers: StoredAnswer[] }> {
  return deps.db.transaction().execute(async (trx) => {
    const existing = await findInProgress(trx, userId);
    if (existing) return { record: existing, answers: await listAnswers(trx, existing.id) };
    const completed = await listCompleted(trx, userId);
    requireRetakeAllowed(completed.at(-1)?.completedAt ?? null, now);
    const created: AssessmentRecord = {
      id: randomUUID(),
      userId,
      instrumentId: CURRENT_INSTRUMENT.id,
      instrumentVersion: CURRENT_INSTRUMENT.version,
      status: "in_progress",
      startedAt: now,
      completedAt: null,
      language,
    };
    await insertAssessment(trx, created);
    return { record: created, answers: [] as StoredAnswer[] };
  });
}

/**
 * Saves one answer at once; saving it again replaces it, so a retry changes nothing. `language` is
 * the page's, in which the statement was shown: it keeps the profile's language (decision 085).
 */
export async function saveAnswer(
  deps: AssessmentDeps,
  userId: string,
  assessmentId: string,
  itemId: string,
  value: number,
  language: Language = "en",
): Promise<SaveAnswerResponse> {
  await requireConsent(deps.db, userId);
  const now = deps.clock.now().getTime();
  return deps.db.transaction().execute(async (trx) => {
    // Lock first: a submit committing between our read and our write would otherwise let this
    // answer change a profile already submitted. Locked or not, the read below sees the row as
    // it now stands: absent (404) or completed (409) when nothing was locked.
    await lockInProgress(trx, userId, assessmentId);
    const record = requireOwn(await findOwnAssessment(trx, userId, assessmentId));
    requireInProgress(record);
    const instrument = instrumentOf(record);
    requireKnownItem(instrument, itemId);
    // Only an answer in another language than the profile's can change it: the usual save costs no query more.
    if (record.language !== language) {
      const answeredIn = answerLanguageAfter(record.language, await countAnswers(trx, assessmentId), language);
      if (answeredIn !== record.language) await setAssessmentLanguage(trx, assessmentId, answeredIn);
    }
    await upsertAnswer(trx, { assessmentId, itemId, value, answeredAt: now });
    return { answeredCount: await countAnswers(trx, assessmentId), totalCount: instrument.items.length };
  });
}

/** Completes a profile once every dimension has enough answers to be scored. Submitting twice is harmless. */
export async function submitAssessment(deps: AssessmentDeps, userId: string, assessmentId: string): Promise<{ assessmentId: string }> {
  const now = deps.clock.now().getTime();
  return deps.db.transaction().execute(async (trx) => {
    // The same lock as saveAnswer: the answers read below are the ones the profile keeps.
    await lockInProgress(trx, userId, assessmentId);
    const record = requireOwn(await findOwnAssessment(trx, userId, assessmentId));
    if (record.status === "completed") return { assessmentId };
    const instrument = instrumentOf(record);
    const answers = toProfileAnswers(await listAnswers(trx, assessmentId));
    const profile = scoreProfile(instrument, answers);
    const missing = SCORED_DIMENSIONS.flatMap((code) => {
      const score = profile.dimensions[code];
      return score.status === "scored" ? [] : [{ path: code, message: score.message }];
    });
    if (missing.length > 0) {
      throw new DomainError(422, "INCOMPLETE", "A few more answers are needed before your profile can be worked out.", missing);
    }
    await markCompleted(trx, assessmentId, now);
    // The stored score row (decision 016) commits with the completion, never without it.
    await upsertScoreRows(trx, assessmentId, userId, now, summariseAssessment(instrument, answers), packedAnswersOf(instrument, answers, record.language));
    await refreshClientSummariesOfPerson(trx, userId);
    return { assessmentId };
  });
}

/** Throws away a profile in progress with its answers. */
export async function discardAssessment(deps: AssessmentDeps, userId: string, assessmentId: string): Promise<void> {
  await deps.db.transaction().execute(async (trx) => {
    const record = requireOwn(await findOwnAssessment(trx, userId, assessmentId));
    requireInProgress(record);
    await deleteAssessment(trx, assessmentId);
  });
}

type ScoredAssessment = { record: AssessmentRecord; profile: Profile; owner: OwnerFlagView };

/**
 * Completed assessments with their scores and the owner's flags, oldest first. Computed from
 * the answers on read (the answers are the one source of truth); a completed assessment's
 * result is kept briefly in memory, since its answers can no longer change.
 */
async function loadCompleted(db: Kysely<DB>, userId: string): Promise<ScoredAssessment[]> {
  const completed = await listCompleted(db, userId);
  const missing = completed.filter((record) => readScored(record.id) === undefined).map((record) => record.id);
  const answersById = await listAnswersOf(db, missing);
  return completed.map((record) => {
    const cached = readScored(record.id);
    if (cached) return { record, ...cached };
    return { record, ...scoreAndKeep(record.id, instrumentOf(record), toProfileAnswers(answersById.get(record.id) ?? [])) };
  });
}

/** Scores a completed assessment from its answers and keeps the result for the next read of that profile version. */
function scoreAndKeep(assessmentId: string, instrument: Instrument, answers: ProfileAnswers): ScoredResult {
  const profile = scoreProfile(instrument, answers);
  const owner = deriveFlags(instrument, profile, answers, screenSafety(instrument, answers)).ownerOnly;
  const result = { profile, owner };
  keepScored(assessmentId, result);
  return result;
}

/** The owner's latest profile (with their private safety view) and the history of their profiles, worded in `language`. */
export async function getProfile(deps: AssessmentDeps, userId: string, language: Language = "en"): Promise<ProfileResponse> {
  const scored = await loadCompleted(deps.db, userId);
  const latest = scored.at(-1);
  // The scored result (maybe cached) holds facts and English; the page's language is said here.
  const profile = latest ? presentProfileView(instrumentOf(latest.record), latest.record, latest.profile, latest.owner, language) : null;
  return { profile, history: scored.map((entry) => presentHistoryEntry(entry.record, entry.profile)) };
}

/** The last two completed profiles compared with reliable change; null until there are two. */
export async function getProfileChange(deps: AssessmentDeps, userId: string): Promise<ProfileChangeResponse> {
  const scored = await loadCompleted(deps.db, userId);
  const before = scored.at(-2);
  const after = scored.at(-1);
  if (!before || !after) return { change: null };
  // The deployment's own reliability and SD where it has enough profiles, else provisional (decision
  // 022); those of the language both profiles were answered in once it has its own (decision 087).
  const choice = await getDeploymentNormsForChange(deps.db, instrumentOf(after.record), before.record.id, after.record.id);
  return { change: presentChange(before.record, after.record, classifyChange(before.profile, after.profile, choice.norms), choice) };
}

/** What the latest profile suggests practising, and whether joint exercises are paused (for the exercises module). */
export async function getPracticeGuidance(db: Kysely<DB>, userId: string, language: Language = "en"): Promise<PracticeGuidance> {
  const latest = (await loadCompleted(db, userId)).at(-1);
  return latest ? derivePracticeGuidance(latest.profile, latest.owner, language) : NO_GUIDANCE;
}

/** A person's latest completed profile, scored. Carries no safety screen: fit for a partner's view. */
export type LatestScoredProfile = { assessmentId: string; instrument: Instrument; profile: Profile };
/** The person's own latest profile with their own safety screen: only ever for that person's view. */
export type OwnLatestScoredProfile = LatestScoredProfile & { safety: SafetyScreen };

/** Whether the person has completed a profile, without reading or scoring its answers. */
export async function hasCompletedProfile(db: Kysely<DB>, userId: string): Promise<boolean> {
  return (await listCompleted(db, userId)).length > 0;
}

/**
 * The person's latest completed profile, scored once per profile version (the scored cache, issue
 * 21): a couple report read scored both partners' profiles from their answers on every read.
 */
async function readLatest(db: Kysely<DB>, userId: string) {
  const latest = (await listCompleted(db, userId)).at(-1);
  if (!latest) return null;
  const instrument = instrumentOf(latest);
  return {
    latest,
    instrument,
    profile: readScored(latest.id)?.profile ?? scoreAndKeep(latest.id, instrument, toProfileAnswers(await listAnswers(db, latest.id))).profile,
  };
}

/**
 * A person's latest completed profile, scored, or null; no safety screen is computed or returned.
 * For the couple module, which lets through only the parts the person chose to share. Reads with
 * the given connection (a caller's transaction).
 */
export async function getLatestScoredProfile(db: Kysely<DB>, userId: string): Promise<LatestScoredProfile | null> {
  const read = await readLatest(db, userId);
  return read ? { assessmentId: read.latest.id, instrument: read.instrument, profile: read.profile } : null;
}

/** The viewer's OWN latest profile with their own safety screen (it may shape their own couple view only). */
export async function getOwnLatestScoredProfile(db: Kysely<DB>, userId: string): Promise<OwnLatestScoredProfile | null> {
  const read = await readLatest(db, userId);
  // The safety screen is the viewer's own and shapes only their view: read from their answers, never kept.
  return read
    ? {
        assessmentId: read.latest.id,
        instrument: read.instrument,
        profile: read.profile,
        safety: screenSafety(read.instrument, toProfileAnswers(await listAnswers(db, read.latest.id))),
      }
    : null;
}

/** Every assessment of the person with every answer (SAFE included: it is their own data) and scores, for their export. */
export async function listAssessmentsForExport(db: Kysely<DB>, userId: string) {
  const all = await listAll(db, userId);
  const answersById = await listAnswersOf(
    db,
    all.map((record) => record.id),
  );
  return all.map((record) => {
    const answers = answersById.get(record.id) ?? [];
    return { record, answers, instrument: instrumentOf(record), profile: scoreProfile(instrumentOf(record), toProfileAnswers(answers)) };
  });
}

// ---- Stored score rows (decision 016): read models for the counsellor's dashboard.

export type { PeopleQuery, SafetyCheckResult, StoredScoreRow };

/** What the score row keeps of the answers for statistics over many people (decisions 022, 087), with the language they were answered in (decision 093). */
function packedAnswersOf(instrument: Instrument, answers: ProfileAnswers, language: AssessmentRecord["language"]): PackedScoredAnswers {
  return { instrumentKey: instrumentKeyOf(instrument), scoredAnswers: packScoredAnswers(instrument, answers), language };
}

/** Scores these completed assessments from their stored answers and writes their score and safety rows. */
async function writeScoreRowsFromAnswers(db: Kysely<DB>, records: readonly AssessmentRecord[]): Promise<void> {
  const answersById = await listAnswersOf(
    db,
    records.map((record) => record.id),
  );
  for (const record of records) {
    const instrument = instrumentOf(record);
    const answers = toProfileAnswers(answersById.get(record.id) ?? []);
    await upsertScoreRows(
      db,
      record.id,
      record.userId,
      record.completedAt ?? record.startedAt,
      summariseAssessment(instrument, answers),
      packedAnswersOf(instrument, answers, record.language),
    );
  }
}

/**
 * Scores every completed assessment again from its answers and replaces its score and safety rows,
 * in pages: after a scoring rule changes (derived-rows module), so that stored rows follow today's
 * rules. The answers stay the truth; these rows are derived from them.
 */
export async function rebuildAllScoreRows(db: Kysely<DB>, pageSize = 200): Promise<number> {
  let after = "";
  let rebuilt = 0;
  for (;;) {
    const page = await listCompletedPage(db, after, pageSize);
    if (page.length === 0) return rebuilt;
    await writeScoreRowsFromAnswers(db, page);
    rebuilt += page.length;
    after = page[page.length - 1]?.id ?? after;
  }
}

/** Writes the missing score rows of the selected people from their answers (the answers stay the truth). */
async function rebuildMissingScoreRows(db: Kysely<DB>, people: PeopleQuery): Promise<void> {
  await rebuildScoreRowsOf(db, await listCompletedWithoutScoreRow(db, people));
}

async function rebuildScoreRowsOf(db: Kysely<DB>, missing: readonly AssessmentRecord[]): Promise<void> {
  if (missing.length === 0) return;
  await writeScoreRowsFromAnswers(db, missing);
  // In one sorted order, as every refresh locks (decision 018).
  for (const userId of [...new Set(missing.map((record) => record.userId))].sort()) await refreshClientSummariesOfPerson(db, userId);
}

/**
 * The stored score rows (scores, pattern, shareable flag ids; never the safety flag) of the
 * people the subquery selects, oldest first per person. Rows missing for a completed assessment
 * are rebuilt from its answers first. Reads with the given connection (a caller's transaction).
 */
export async function listScoresOfPeople(db: Kysely<DB>, people: PeopleQuery): Promise<StoredScoreRow[]> {
  await rebuildMissingScoreRows(db, people);
  return listScoreRowsOfPeople(db, people);
}

/**
 * listScoresOfPeople for a list of account ids. On PostgreSQL each person is looked up through the
 * indexes in turn, whatever the list's length against the table's (decision 092); on SQLite, whose
 * planner probes an `in` list by key, the same query as listScoresOfPeople.
 */
export async function listScoresOfListedPeople(db: Kysely<DB>, userIds: readonly string[]): Promise<StoredScoreRow[]> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter))
    return listScoresOfPeople(db, db.selectFrom("user").select("id as user_id").where("id", "in", userIds));
  if (userIds.length === 0) return [];
  await rebuildScoreRowsOf(db, await listCompletedWithoutScoreRowOfListed(db, userIds));
  return listScoreRowsOfListedPeople(db, userIds);
}

/** One person's stored score rows, oldest first (rebuilt from the answers where missing). */
export async function listScoresOf(db: Kysely<DB>, userId: string): Promise<StoredScoreRow[]> {
  await rebuildMissingScoreRows(db, db.selectFrom("user").select("id as user_id").where("id", "=", userId));
  return listScoreRowsOf(db, userId);
}

/**
 * What the private safety check found (a concern, or every question skipped), per assessment id, for
 * the people selected. Only for a view the person allowed (their own, or a counsellor they gave the
 * safety scope).
 */
export async function listSafetyChecksOfPeople(db: Kysely<DB>, people: PeopleQuery): Promise<Map<string, SafetyCheckResult>> {
  return listSafetyOfPeople(db, people);
}

/** A member's completed profile as they answered it, for their counsellor's client page (decision 085); the caller checks the scope. */
export async function readClientAnswers(db: Kysely<DB>, userId: string, assessmentId: string, viewerLanguage: Language): Promise<ClientAnswers | null> {
  const record = await findOwnAssessment(db, userId, assessmentId);
  if (record === null || record.status !== "completed") return null;
  return presentClientAnswers(record, await listAnswers(db, assessmentId), viewerLanguage);
}
