import type { Kysely } from "kysely";
import {
  MODEL_THRESHOLDS,
  checkInAnswersSchema,
  deriveTrendFlags,
  listDecliningPulses,
  parseIsoWeekKey,
  type CheckInAnswers,
  type CheckInListResponse,
  type CheckInPoint,
  type CurrentCheckInResponse,
  type Language,
  type ScoredCheckInAnswers,
  type TrendSignalView,
} from "@mutual/core";
import type { DB } from "../../db/schema.js";
import { badRequest } from "../../domain/errors.js";
import type { Clock } from "../../platform/clock.js";
import type { Keyring } from "../../platform/crypto.js";
import { refreshClientSummariesOfPerson } from "../client-summary/index.js";
import { requireConsent } from "../consent/index.js";
import { findUserDataKey, getOrCreateUserDataKey, openText, sealText, type DataKey } from "../data-keys/index.js";
import { isoWeekIn } from "./check-in-week.js";
import { findEarlierResult, forgetOldResults, rememberResult, requireValidIdempotencyKey, type IdempotentRequest } from "../idempotency/index.js";
import { canonicalTimeZone } from "./check-in.policy.js";
import { presentCurrent, presentDefinition, presentScores, presentSignal, presentWeek } from "./check-in.presenter.js";
import {
  findCheckIn,
  listCheckIns,
  listLatestOfPeople,
  listNewestCheckIns,
  listPeopleWithLatest,
  listNotedCheckIns,
  setLatestDecline,
  upsertCheckIn,
  type LatestCheckIn,
  type PeopleQuery,
  type CheckInRecord,
  type StoredScores,
} from "./check-in.repository.js";

export type CheckInDeps = { db: Kysely<DB>; kek: Keyring; clock: Clock };

const putRoute = "PUT /api/check-ins/current";

const noteBinding = (userId: string, week: string) => `check-in-note:${userId}:${week}`;

/** The zone's canonical IANA name, or 400 INVALID_TIME_ZONE. */
function requireTimeZone(timeZone: string): string {
  const canonical = canonicalTimeZone(timeZone);
  if (canonical === undefined) {
    throw badRequest("INVALID_TIME_ZONE", "That time zone is not one we know. Use an IANA name such as Asia/Singapore.", [
      { path: "timeZone", message: "unknown time zone" },
    ]);
  }
  return canonical;
}

function scoresOf(answers: CheckInAnswers): StoredScores {
  return {
    spokeUp: answers.spokeUp ?? null,
    feltHeard: answers.feltHeard ?? null,
    backedPartner: answers.backedPartner ?? null,
    feltBacked: answers.feltBacked ?? null,
    friendsFamilyHours: answers.friendsFamilyHours ?? null,
    wePulse: answers.wePulse ?? null,
    mePulse: answers.mePulse ?? null,
  };
}

function openNote(dataKey: DataKey | null, userId: string, record: CheckInRecord): string | null {
  if (record.noteSealed === null || record.noteKeyId === null) return null;
  if (dataKey === null) throw new Error("A sealed note exists without its data key");
  return openText(dataKey, record.noteSealed, record.noteKeyId, noteBinding(userId, record.week));
}

/** This week's check-in (ISO week in the person's time zone), or null when not done yet. */
export async function getCurrentCheckIn(deps: CheckInDeps, userId: string, timeZone: string): Promise<CurrentCheckInResponse> {
  const zone = requireTimeZone(timeZone);
  const week = isoWeekIn(deps.clock.now(), zone);
  const record = await findCheckIn(deps.db, userId, week);
  if (!record) return presentCurrent(week, zone, null);
  const dataKey = record.noteSealed === null ? null : await findUserDataKey(deps.db, deps.kek, userId);
  return presentCurrent(week, zone, { scores: record.scores, note: openNote(dataKey, userId, record), updatedAtMs: record.updatedAtMs });
}

/**
 * Creates or replaces this week's check-in. With an Idempotency-Key, a retry of the same request
 * writes nothing and answers with the check-in of the week it wrote, as it stands now; the key
 * is stored (with a reference to the week, never a copy of the note) in the write's transaction.
 */
export async function putCurrentCheckIn(
  deps: CheckInDeps,
  userId: string,
  input: { timeZone: string; answers: CheckInAnswers; idempotencyKey: string | undefined; language?: Language },
): Promise<CurrentCheckInResponse> {
  const zone = requireTimeZone(input.timeZone);
  const key = input.idempotencyKey;
  if (key !== undefined) requireValidIdempotencyKey(key);
  const idempotent = key === undefined ? undefined : { userId, key, route: putRoute, request: { timeZone: zone, answers: input.answers } };
  if (idempotent) {
    const earlier = await replay(deps, userId, idempotent);
    if (earlier) return earlier;
  }
  await requireConsent(deps.db, userId);
  const now = deps.clock.now();
  const nowMs = now.getTime();
  const week = isoWeekIn(now, zone);
  const note = input.answers.note?.trim() ? input.answers.note : null;
  try {
    return await deps.db.transaction().execute(async (trx) => {
      const dataKey = note !== null ? await getOrCreateUserDataKey(trx, deps.kek, userId, nowMs) : null;
      const sealedNote = note !== null && dataKey !== null ? sealText(dataKey, note, noteBinding(userId, week)) : null;
      const record = await upsertCheckIn(trx, {
        userId,
        week,
        timeZone: zone,
        scores: scoresOf(input.answers),
        noteSealed: sealedNote?.sealed ?? null,
        noteKeyId: sealedNote?.keyId ?? null,
        nowMs,
        // A check-in is sent whole, so it was answered in the language of the page that sent it (decision 085).
        language: input.language ?? "en",
      });
      await keepLatestDecline(trx, userId);
      // The latest check-in time on a counsellor's dashboard (decision 018).
      await refreshClientSummariesOfPerson(trx, userId);
      if (idempotent) await rememberResult(trx, deps.kek, { ...idempotent, reference: JSON.stringify({ week, timeZone: zone }), nowMs });
      else await forgetOldResults(trx, userId, nowMs);
      return presentCurrent(week, zone, { scores: record.scores, note, updatedAtMs: record.updatedAtMs });
    });
  } catch (error) {
    // Two retries racing: the loser's insert of the same key fails; answer as the winner did.
    if (idempotent) {
      const earlier = await replay(deps, userId, idempotent);
      if (earlier) return earlier;
    }
    throw error;
  }
}

/** Every week a trend as of the latest week can read: the recent window and the baseline before it (the decline's span is shorter). */
const TREND_SPAN_WEEKS = MODEL_THRESHOLDS.trends.recentWeeks + MODEL_THRESHOLDS.trends.baselineWeeks;

function trendPoints(records: readonly CheckInRecord[]): CheckInPoint[] {
  return records.map((record) => ({
    week: record.week,
    friendsFamilyHours: record.scores.friendsFamilyHours,
    wePulse: record.scores.wePulse,
    mePulse: record.scores.mePulse,
  }));
}

/**
 * After a check-in write, in its transaction: whether a pulse now shows a sustained decline, as of the
 * person's latest check-in, for the counsellor's "off track" (decision 035). Stored rather than worked
 * out on the dashboard, which lists thousands of clients from one narrow row each (decision 018).
 */
async function keepLatestDecline(db: Kysely<DB>, userId: string): Promise<void> {
  const newest = await listNewestCheckIns(db, userId, TREND_SPAN_WEEKS);
  const latestWeek = newest[0]?.week;
  if (latestWeek === undefined) return;
  await setLatestDecline(db, userId, listDecliningPulses(trendPoints(newest), latestWeek).length > 0);
}

/**
 * Works out again, for everyone with check-ins, whether a pulse showed a sustained decline as of
 * their latest check-in: after the rule changes (derived-rows module), in pages of people.
 */
export async function rebuildLatestDeclines(db: Kysely<DB>, pageSize = 200): Promise<number> {
  let after = "";
  let rebuilt = 0;
  for (;;) {
    const people = await listPeopleWithLatest(db, after, pageSize);
    if (people.length === 0) return rebuilt;
    for (const userId of people) await keepLatestDecline(db, userId);
    rebuilt += people.length;
    after = people[people.length - 1] ?? after;
  }
}

/** The answer to a retry: the check-in of the week the first request wrote, re-read (an edit since shows, an old note never does). */
async function replay(deps: CheckInDeps, userId: string, request: IdempotentRequest): Promise<CurrentCheckInResponse | undefined> {
  const reference = await findEarlierResult(deps.db, deps.kek, request);
  if (reference === undefined) return undefined;
  const { week, timeZone } = JSON.parse(reference) as { week: string; timeZone: string };
  const record = await findCheckIn(deps.db, userId, week);
  if (!record) return presentCurrent(week, timeZone, null);
  const dataKey = record.noteSealed === null ? null : await findUserDataKey(deps.db, deps.kek, userId);
  return presentCurrent(week, timeZone, { scores: record.scores, note: openNote(dataKey, userId, record), updatedAtMs: record.updatedAtMs });
}

/** Every week of the person's check-ins (scored answers only), trend signals, and the definition. */
export async function listCheckInWeeks(
  deps: CheckInDeps,
  userId: string,
  timeZone: string | undefined,
  language: Language = "en",
): Promise<CheckInListResponse> {
  const records = await listCheckIns(deps.db, userId);
  const zone = timeZone === undefined ? (records.at(-1)?.timeZone ?? "UTC") : requireTimeZone(timeZone);
  const currentWeek = isoWeekIn(deps.clock.now(), zone);
  return {
    weeks: records.map(presentWeek),
    signals: deriveTrendFlags(trendPoints(records), currentWeek, "self").map((flag) => presentSignal(flag, "self", language)),
    definition: presentDefinition(),
  };
}

export type CheckInTrends = { weeks: Array<{ week: string; answers: ScoredCheckInAnswers }>; signals: TrendSignalView[] };

/**
 * A person's scored weekly answers and trend signals, never a note nor whether one exists: for a
 * partner they share check-in trends with, or their counsellor. The signals are worded for someone
 * other than the person, naming no one, in the reader's language. Reads with the given connection (a caller's transaction).
 */
export async function listCheckInTrendsOf(db: Kysely<DB>, userId: string, now: Date, language: Language = "en"): Promise<CheckInTrends> {
  const records = await listCheckIns(db, userId);
  const currentWeek = isoWeekIn(now, records.at(-1)?.timeZone ?? "UTC");
  return {
    weeks: records.map((record) => ({ week: record.week, answers: presentScores(record.scores) })),
    signals: deriveTrendFlags(trendPoints(records), currentWeek, "other").map((flag) => presentSignal(flag, "other", language)),
  };
}

export type CheckInNote = { week: string; writtenAtMs: number; text: string };

/**
 * A person's check-in notes written since `sinceMs`, newest week first, at most `limit`, decrypted:
 * for their counsellor while they share the notes scope (decision 015). The caller checks that
 * scope and audits the read in the same transaction, whose connection this reads with.
 */
export async function listCheckInNotesOf(db: Kysely<DB>, kek: Keyring, userId: string, bounds: { sinceMs: number; limit: number }): Promise<CheckInNote[]> {
  const records = await listNotedCheckIns(db, userId, bounds.sinceMs, bounds.limit);
  if (records.length === 0) return [];
  const dataKey = await findUserDataKey(db, kek, userId);
  return records.flatMap((record) => {
    const text = openNote(dataKey, userId, record);
    return text === null ? [] : [{ week: record.week, writtenAtMs: record.updatedAtMs, text }];
  });
}

export type ExportedCheckIn = {
  week: string;
  timeZone: string;
  answers: StoredScores;
  note: string | null;
  createdAt: string;
  updatedAt: string;
};

/** The owner's check-ins with their notes decrypted, for their own data export only. */
export async function listCheckInsForExport(db: Kysely<DB>, kek: Keyring, userId: string): Promise<ExportedCheckIn[]> {
  const records = await listCheckIns(db, userId);
  const dataKey = records.some((record) => record.noteSealed !== null) ? await findUserDataKey(db, kek, userId) : null;
  return records.map((record) => ({
    week: record.week,
    timeZone: record.timeZone,
    answers: { ...record.scores },
    note: openNote(dataKey, userId, record),
    createdAt: new Date(record.createdAtMs).toISOString(),
    updatedAt: new Date(record.updatedAtMs).toISOString(),
  }));
}

/**
 * Stores (or replaces) one person's check-in for a given ISO week, note sealed as usual:
 * for the demo seeder, which fills past weeks. Not reachable from HTTP; consent is the caller's job.
 */
export async function storeCheckInForWeek(
  db: Kysely<DB>,
  kek: Keyring,
  userId: string,
  input: { week: string; timeZone: string; answers: CheckInAnswers; atMs: number },
): Promise<void> {
  const zone = requireTimeZone(input.timeZone);
  if (parseIsoWeekKey(input.week) === undefined) throw new Error(`Not an ISO week key: "${input.week}"`);
  const answers = checkInAnswersSchema.parse(input.answers);
  const note = answers.note?.trim() ? answers.note : null;
  await db.transaction().execute(async (trx) => {
    const sealedNote = note === null ? null : sealText(await getOrCreateUserDataKey(trx, kek, userId, input.atMs), note, noteBinding(userId, input.week));
    await upsertCheckIn(trx, {
      userId,
      week: input.week,
      timeZone: zone,
      scores: scoresOf(answers),
      noteSealed: sealedNote?.sealed ?? null,
      noteKeyId: sealedNote?.keyId ?? null,
      nowMs: input.atMs,
    });
    await keepLatestDecline(trx, userId);
    await refreshClientSummariesOfPerson(trx, userId);
  });
}

export type { LatestCheckIn };

/**
 * The latest check-in week (and when it was written) of everyone the subquery selects, from the
 * read model kept in each check-in's transaction (decision 016): no answers, no notes.
 */
export async function listLatestCheckInsOfPeople(db: Kysely<DB>, people: PeopleQuery): Promise<LatestCheckIn[]> {
  return listLatestOfPeople(db, people);
}

/** Whether the person has a check-in for an ISO week (for a reminder that would be pointless once it is done). */
export async function hasCheckInOfWeek(db: Kysely<DB>, userId: string, week: string): Promise<boolean> {
  return (await findCheckIn(db, userId, week)) !== undefined;
}
