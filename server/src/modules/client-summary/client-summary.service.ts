import type { Kysely } from "kysely";
import type { DB } from "../../db/schema.js";
import {
  SUMMARY_SCORE_COLUMNS,
  deleteAllSummaries,
  listSummaries,
  practiceLacksSummaries,
  refreshSummaries,
  type DeteriorationTest,
  type MemberSummary,
  type SummaryScoreColumn,
} from "./client-summary.repository.js";

// The writes that change what a client member's summary says call these in their own
// transaction, after writing (decision 018): score rows (a completed profile), the latest
// check-in, the member's scopes, joining, the counsellor's last look, and a changed name.

/** After a change to one person's own data (a profile, a check-in, their name): every client row they are a member of. */
export async function refreshClientSummariesOfPerson(db: Kysely<DB>, userId: string): Promise<void> {
  await refreshSummaries(db, { userId });
}

/** After a change to one membership (joining, scopes, the counsellor's last look). */
export async function refreshClientSummaryOfMember(db: Kysely<DB>, clientId: string, userId: string): Promise<void> {
  await refreshSummaries(db, { clientId, userId });
}

/** After a member left a client: the members who stay (their joining order moved up). */
export async function refreshClientSummariesOfClient(db: Kysely<DB>, clientId: string): Promise<void> {
  await refreshSummaries(db, { clientId });
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
 * Forgets every summary row, after a rule that shapes them changed (derived-rows module): each
 * practice's next dashboard read computes its own again, from today's score and check-in rows.
 */
export async function clearAllClientSummaries(db: Kysely<DB>): Promise<number> {
  return deleteAllSummaries(db);
}

export { SUMMARY_SCORE_COLUMNS };
export type { DeteriorationTest, MemberSummary, SummaryScoreColumn };
