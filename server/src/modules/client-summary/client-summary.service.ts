import type { Kysely } from "kysely";
import type { DashboardQuery } from "@mutual/core";
import type { DB } from "../../db/schema.js";
import {
  COUNT_CAP,
  clientRowOf,
  deleteAllClientRows,
  deleteClientRows,
  isPracticeBuilt,
  markPracticeBuilt,
  recountPractice,
  readClientPage,
  refreshPlannerFigures,
  readVerdictTests,
  readPracticeVerdictTests,
  storeVerdictTests,
  upsertClientRows,
  writeVerdicts,
  type ClientPage,
} from "./client-page.repository.js";
import {
  SUMMARY_SCORE_COLUMNS,
  deleteAllSummaries,
  listSummaries,
  practiceLacksSummaries,
  readClientMembers,
  refreshSummaries,
  type DeteriorationTest,
  type MemberSummary,
  type SummaryScoreColumn,
  type SummaryTarget,
} from "./client-summary.repository.js";

// The writes that change what a client member's summary says call these in their own
// transaction, after writing (decision 018): score rows (a completed profile), the latest
// check-in, the member's scopes, joining, the counsellor's last look, and a changed name.

/**
 * The target's member rows, then the rows of every client they belong to (decision 063), from the
 * member rows just written, with their off-track verdicts drawn with the norms the rest of their
 * practice's rows were drawn with (decision 077); a client left without members loses its row.
 */
async function refresh(db: Kysely<DB>, target: SummaryTarget): Promise<void> {
  await refreshSummaries(db, target);
  const { clientIds, clients } = await readClientMembers(db, target);
  // Before the client rows are written: on PostgreSQL this holds the practices' norms in place
  // until commit, and a redraw (which takes the state row first) never waits on a row written here.
  const testsOf = await readVerdictTests(
    db,
    clients.map((client) => client.practiceId),
  );
  await upsertClientRows(
    db,
    clients.map((client) => clientRowOf(client.practiceId, client.counsellorId, client.members)),
  );
  for (const [practiceId, tests] of testsOf.entries()) {
    const written = clients.filter((client) => client.practiceId === practiceId).map((client) => client.clientId);
    await writeVerdicts(db, { clientIds: written }, tests === null ? null : (JSON.parse(tests) as DeteriorationTest[]));
  }
  // A practice not built yet has no state row: its verdicts are drawn when its build is marked.
  const unmarked = clients.filter((client) => !testsOf.has(client.practiceId)).map((client) => client.clientId);
  if (unmarked.length > 0) await writeVerdicts(db, { clientIds: unmarked }, null);
  const kept = new Set(clients.map((client) => client.clientId));
  await deleteClientRows(
    db,
    clientIds.filter((clientId) => !kept.has(clientId)),
  );
}

/** After a change to one person's own data (a profile, a check-in, their name): every client row they are a member of. */
export async function refreshClientSummariesOfPerson(db: Kysely<DB>, userId: string): Promise<void> {
  await refresh(db, { userId });
}

/** After a change to one membership (joining, scopes, the counsellor's last look). */
export async function refreshClientSummaryOfMember(db: Kysely<DB>, clientId: string, userId: string): Promise<void> {
  await refresh(db, { clientId, userId });
}

/** After a member left a client: the members who stay (their joining order moved up). */
export async function refreshClientSummariesOfClient(db: Kysely<DB>, clientId: string): Promise<void> {
  await refresh(db, { clientId });
}

/**
 * The summary row of each of this counsellor's client members in this practice, grouped by client,
 * deterioration tested with the given norms. A practice with members but no rows for some (from
 * before the table existed) is computed first, once.
 */
export async function listClientSummaries(
  db: Kysely<DB>,
  practiceId: string,
  counsellorId: string,
  tests: readonly DeteriorationTest[],
): Promise<MemberSummary[]> {
  if (await practiceLacksSummaries(db, practiceId)) await refreshSummaries(db, { practiceId });
  return listSummaries(db, practiceId, counsellorId, tests);
}

/**
 * One page of this counsellor's clients in the dashboard's order, filter and count (decision 063),
 * read from the per-client rows; a practice whose rows were never built whole (from before the
 * table, or data loaded directly) is built first, once. When the norms moved since the practice's
 * off-track verdicts were drawn (or they never were), they are drawn again first, for the whole
 * practice in one statement (decision 077): only then does the page's count depend on its size.
 */
export async function readClientSummaryPage(
  db: Kysely<DB>,
  practiceId: string,
  counsellorId: string,
  query: DashboardQuery,
  now: number,
  tests: readonly DeteriorationTest[],
  countCap = COUNT_CAP,
): Promise<ClientPage> {
  if (!(await isPracticeBuilt(db, practiceId))) {
    await refresh(db, { practiceId });
    await recountPractice(db, practiceId);
    await markPracticeBuilt(db, practiceId, now);
    await refreshPlannerFigures(db);
  }
  await drawVerdictsWith(db, practiceId, tests);
  return readClientPage(db, practiceId, counsellorId, query, now, countCap);
}

/** Draws the practice's off-track verdicts again if they were drawn with other tests than these (or none). */
async function drawVerdictsWith(db: Kysely<DB>, practiceId: string, tests: readonly DeteriorationTest[]): Promise<void> {
  const key = JSON.stringify(tests);
  // Most reads find them current: a plain read, which waits for nobody.
  if ((await readPracticeVerdictTests(db, practiceId, false)) === key) return;
  if ((await readPracticeVerdictTests(db, practiceId, true)) === key) return;
  await writeVerdicts(db, { practiceId }, tests);
  await storeVerdictTests(db, practiceId, key);
}

/**
 * Forgets every summary row, after a rule that shapes them changed (derived-rows module): each
 * practice's next dashboard read computes its own again, from today's score and check-in rows.
 */
export async function clearAllClientSummaries(db: Kysely<DB>): Promise<number> {
  await deleteAllClientRows(db);
  return deleteAllSummaries(db);
}

export { SUMMARY_SCORE_COLUMNS };
export type { ClientPage, DeteriorationTest, MemberSummary, SummaryScoreColumn };
