import type { Kysely } from "kysely";
import type { DashboardQuery } from "@mutual/core";
import type { DB } from "../../db/schema.js";
import {
  clientRowOf,
  deleteAllClientRows,
  deleteClientRows,
  isPracticeBuilt,
  markPracticeBuilt,
  readClientPage,
  upsertClientRows,
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
 * member rows just written; a client left without members loses its row.
 */
async function refresh(db: Kysely<DB>, target: SummaryTarget): Promise<void> {
  await refreshSummaries(db, target);
  const { clientIds, clients } = await readClientMembers(db, target);
  await upsertClientRows(
    db,
    clients.map((client) => clientRowOf(client.practiceId, client.counsellorId, client.members)),
  );
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
 * table, or data loaded directly) is built first, once.
 */
export async function readClientSummaryPage(
  db: Kysely<DB>,
  practiceId: string,
  counsellorId: string,
  query: DashboardQuery,
  now: number,
  tests: readonly DeteriorationTest[],
): Promise<ClientPage> {
  if (!(await isPracticeBuilt(db, practiceId))) {
    await refresh(db, { practiceId });
    await markPracticeBuilt(db, practiceId, now);
  }
  return readClientPage(db, practiceId, counsellorId, query, now, tests);
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
