// The checks between kills (decision 019). While the server is down: the engine's integrity checks,
// the invariants every committed check-in transaction keeps, and the ledger against the rows.
// After the restart: pending writes retried with their key, acknowledged keys replayed, reads.
import { isDeepStrictEqual } from "node:util";
import { answerOf, checkAnswerShowsWrite, getCurrentCheckIn, putCheckIn } from "./check-in-api.js";
import type { Checks } from "./checks.js";
import type { Inspector } from "./database-target.js";
import { acknowledge, expectedView, scoredFields, type PersonLedger, type ScoredField } from "./ledger.js";
import type { Random } from "./random.js";
import { replayEarlierKey } from "./workload.js";

const putRoute = "PUT /api/check-ins/current";

const scoreColumns: Record<ScoredField, string> = {
  spokeUp: "spoke_up",
  feltHeard: "felt_heard",
  backedPartner: "backed_partner",
  feltBacked: "felt_backed",
  friendsFamilyHours: "friends_family_hours",
  wePulse: "we_pulse",
  mePulse: "me_pulse",
};

type CheckInRow = Record<string, unknown> & {
  user_id: string;
  iso_week: string;
  note_sealed: string | null;
  note_key_id: string | null;
  updated_at: number | string;
};
type KeyRow = { user_id: string; key: string; route: string; response: string };

const numberOrNull = (value: unknown) => (value === null || value === undefined ? null : Number(value));
const scoresOf = (row: CheckInRow) => Object.fromEntries(scoredFields.map((field) => [field, numberOrNull(row[scoreColumns[field]])]));

function weekOf(reference: string): string | undefined {
  try {
    const week = (JSON.parse(reference) as { week?: unknown }).week;
    return typeof week === "string" ? week : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The database as the crash left it (server down). Returns, per person, the week their pending
 * write landed in when it had committed before the kill.
 */
export async function checkDatabase(inspector: Inspector, ledgers: PersonLedger[], checks: Checks): Promise<Map<string, string>> {
  for (const problem of await inspector.integrityProblems()) checks.that(false, problem);
  checks.that(true, "the engine's integrity checks pass");

  const rows = await inspector.all<CheckInRow>(
    `select user_id, iso_week, note_sealed, note_key_id, updated_at, ${Object.values(scoreColumns).join(", ")} from check_in`,
  );
  const keys = (await inspector.all<KeyRow>("select user_id, key, route, response from idempotency_key")).filter((row) => row.route === putRoute);
  const latestRows = await inspector.all<{ user_id: string; iso_week: string; updated_at: number | string }>(
    "select user_id, iso_week, updated_at from check_in_latest",
  );
  const dataKeyOwners = new Set((await inspector.all<{ user_id: string }>("select user_id from data_key")).map((row) => row.user_id));

  // Invariants of every committed check-in transaction, whoever wrote it.
  const rowByWeek = new Map(rows.map((row) => [`${row.user_id} ${row.iso_week}`, row]));
  checks.that(rowByWeek.size === rows.length, "no two check-in rows share a person and a week");
  for (const key of keys) {
    const week = weekOf(key.response);
    checks.that(
      week !== undefined && rowByWeek.has(`${key.user_id} ${week}`),
      `idempotency key ${key.key} points at a stored check-in (reference ${key.response})`,
    );
    checks.that(dataKeyOwners.has(key.user_id), `idempotency key ${key.key}'s owner has the data key its fingerprint needs`);
  }
  for (const row of rows) {
    checks.that(
      (row.note_sealed === null) === (row.note_key_id === null),
      `check-in ${row.user_id} ${row.iso_week} has a sealed note and its key id together, or neither`,
    );
    if (row.note_sealed !== null)
      checks.that(dataKeyOwners.has(row.user_id), `check-in ${row.user_id} ${row.iso_week} has a note and its owner has a data key`);
  }
  const newestOf = new Map<string, CheckInRow>();
  for (const row of rows) {
    const newest = newestOf.get(row.user_id);
    if (newest === undefined || row.iso_week > newest.iso_week) newestOf.set(row.user_id, row);
  }
  checks.that(latestRows.length === newestOf.size, `one check_in_latest row per person with check-ins (${latestRows.length} rows, ${newestOf.size} people)`);
  for (const latest of latestRows) {
    const newest = newestOf.get(latest.user_id);
    checks.equal(
      { week: latest.iso_week, at: Number(latest.updated_at) },
      { week: newest?.iso_week, at: newest === undefined ? undefined : Number(newest.updated_at) },
      `check_in_latest of ${latest.user_id} matches their newest check-in`,
    );
  }

  // The ledger against the rows: acknowledged writes all there, a pending one all there or not at all.
  const committedPending = new Map<string, string>();
  for (const ledger of ledgers) {
    const userId = ledger.person.userId;
    const ownKeys = new Map(keys.filter((key) => key.user_id === userId).map((key) => [key.key, key]));
    const ownRows = new Map(rows.filter((row) => row.user_id === userId).map((row) => [row.iso_week, row]));
    const pendingKey = ledger.pending === undefined ? undefined : ownKeys.get(ledger.pending.key);
    const pendingWeek = pendingKey === undefined ? undefined : weekOf(pendingKey.response);
    if (pendingWeek !== undefined) committedPending.set(userId, pendingWeek);
    const expectedWeeks = new Set([...ledger.latest.keys(), ...(pendingWeek === undefined ? [] : [pendingWeek])]);
    checks.equal([...ownRows.keys()].sort(), [...expectedWeeks].sort(), `writer ${ledger.person.index} has a row for exactly the weeks written`);
    for (const [week, answer] of ledger.latest) {
      if (week === pendingWeek) continue;
      const row = ownRows.get(week);
      checks.equal(
        row === undefined ? undefined : { scores: scoresOf(row), hasNote: row.note_sealed !== null, updatedAt: new Date(Number(row.updated_at)).toISOString() },
        { scores: answer.checkIn?.answers, hasNote: answer.checkIn?.note !== null, updatedAt: answer.checkIn?.updatedAt },
        `writer ${ledger.person.index}'s week ${week} holds the last acknowledged write`,
      );
    }
    if (ledger.pending !== undefined && pendingWeek !== undefined) {
      const row = ownRows.get(pendingWeek);
      const expected = expectedView(ledger.pending.body);
      checks.equal(
        row === undefined ? undefined : { scores: scoresOf(row), hasNote: row.note_sealed !== null },
        { scores: expected.answers, hasNote: expected.note !== null },
        `writer ${ledger.person.index}'s unanswered write (key ${ledger.pending.key}) committed whole with its key`,
      );
    }
    for (const write of ledger.acknowledged) {
      const stored = ownKeys.get(write.key);
      checks.that(stored !== undefined && weekOf(stored.response) === write.week, `acknowledged key ${write.key} is stored once, for week ${write.week}`);
    }
    const known = new Set([...ledger.acknowledged.map((write) => write.key), ...(ledger.pending ? [ledger.pending.key] : [])]);
    checks.that(
      [...ownKeys.keys()].every((key) => known.has(key)),
      `writer ${ledger.person.index} has no idempotency key they never sent`,
    );
  }
  return committedPending;
}

/** After the restart, through the API: retry what was unanswered, replay acknowledged keys, read, and try reusing a key. */
export async function checkAfterRestart(input: {
  baseUrl: string;
  ledgers: PersonLedger[];
  random: Random;
  checks: Checks;
  committedPending: Map<string, string>;
  replaysPerPerson: number;
}): Promise<void> {
  const { baseUrl, checks, random } = input;
  for (const ledger of input.ledgers) {
    const pending = ledger.pending;
    if (pending !== undefined) {
      checks.counts.retriedKeys += 1;
      checks.counts.unansweredWrites += 1;
      const committedWeek = input.committedPending.get(ledger.person.userId);
      if (committedWeek !== undefined) checks.counts.committedBeforeKill += 1;
      const outcome = await putCheckIn(baseUrl, ledger.person, pending);
      if (!checks.that(outcome.answered, `the retry of unanswered key ${pending.key} is answered`) || !outcome.answered) continue;
      const answer = answerOf(checks, outcome, `the retry of unanswered key ${pending.key}`);
      if (answer === undefined) continue;
      checkAnswerShowsWrite(checks, answer, pending, "the retry of an unanswered write");
      if (committedWeek !== undefined) checks.equal(answer.week, committedWeek, `the retry of ${pending.key} replays the week it committed to`);
      acknowledge(ledger, pending, answer);
      checks.counts.acknowledgedWrites += 1;
    }
    const replays = Math.min(input.replaysPerPerson, ledger.acknowledged.length);
    for (let replay = 0; replay < replays; replay += 1) await replayEarlierKey(baseUrl, ledger, random, checks);
  }

  // A key reused for a different request is refused and changes nothing (the reads below show it).
  const withWrites = input.ledgers.filter((ledger) => ledger.acknowledged.length > 0);
  if (withWrites.length > 0) {
    const ledger = random.pick(withWrites);
    const earlier = random.pick(ledger.acknowledged);
    const changed = { ...earlier, body: { ...earlier.body, answers: { ...earlier.body.answers, spokeUp: earlier.body.answers.spokeUp === 4 ? 0 : 4 } } };
    const outcome = await putCheckIn(baseUrl, ledger.person, changed);
    checks.that(
      outcome.answered && outcome.status === 422 && outcome.body.includes("IDEMPOTENCY_KEY_REUSED"),
      `key ${earlier.key} reused for another body is refused with 422`,
    );
  }

  for (const ledger of input.ledgers) {
    const outcome = await getCurrentCheckIn(baseUrl, ledger.person);
    if (!checks.that(outcome.answered, `writer ${ledger.person.index}'s read is answered`) || !outcome.answered) continue;
    const answer = answerOf(checks, outcome, `writer ${ledger.person.index}'s read`);
    if (answer === undefined) continue;
    const expected = ledger.latest.get(answer.week);
    checks.that(
      isDeepStrictEqual(answer.checkIn, expected === undefined ? null : expected.checkIn),
      `writer ${ledger.person.index} reads back this week (${answer.week}) as last acknowledged, note included\n      expected ${JSON.stringify(expected?.checkIn ?? null)}\n      got      ${JSON.stringify(answer.checkIn)}`,
    );
  }
}
