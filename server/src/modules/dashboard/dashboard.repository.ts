// The dashboard reads the counselling module's client tables (read only: who counsels whom, who
// belongs to which client, what each shares now) and owns client_last_view. Scores and check-ins
// come from their own modules, given a subquery of the people allowed.
import type { Kysely } from "kysely";
import type { CounsellingScope } from "@mutual/core";
import type { DB } from "../../db/schema.js";

/**
 * The page's client ids, for a filter on both sides of each join (so each table is probed by its
 * own key for a page of 25, rather than scanned for every client of the counsellor); never an
 * empty list, which is not valid SQL.
 */
function idsOrNone(clientIds: readonly string[]): string[] {
  return clientIds.length > 0 ? [...clientIds] : [""];
}

export type MemberRow = { clientId: string; kind: "individual" | "couple"; userId: string; name: string; joinedAt: number };

/**
 * The people of this counsellor's clients in this practice, one column (user_id), optionally only
 * those who share a given scope right now; a subquery for the scores and check-ins modules.
 */
export function clientPeople(db: Kysely<DB>, practiceId: string, counsellorId: string, scope?: CounsellingScope, clientIds?: readonly string[]) {
  // Table names without aliases: the query keeps the plain DB type the other modules accept.
  let query = db
    .selectFrom("practice_client_member")
    .innerJoin("practice_client", "practice_client.id", "practice_client_member.client_id")
    .select("practice_client_member.user_id")
    .where("practice_client.practice_id", "=", practiceId)
    .where("practice_client.counsellor_id", "=", counsellorId);
  if (clientIds !== undefined)
    query = query.where("practice_client_member.client_id", "in", idsOrNone(clientIds)).where("practice_client.id", "in", idsOrNone(clientIds));
  if (scope !== undefined) {
    query = query.where((eb) =>
      eb.exists(
        eb
          .selectFrom("client_consent")
          .select("client_consent.scope")
          .whereRef("client_consent.client_id", "=", "practice_client_member.client_id")
          .whereRef("client_consent.user_id", "=", "practice_client_member.user_id")
          .where("client_consent.scope", "=", scope),
      ),
    );
  }
  return query;
}

/** Members of this counsellor's clients in this practice (optionally one client), by client then joining order. */
export async function listMembers(db: Kysely<DB>, practiceId: string, counsellorId: string, clientIds?: readonly string[]): Promise<MemberRow[]> {
  let query = db
    .selectFrom("practice_client_member as m")
    .innerJoin("practice_client as c", "c.id", "m.client_id")
    .innerJoin("user as u", "u.id", "m.user_id")
    .select(["m.client_id", "c.kind", "m.user_id", "u.name", "m.joined_at"])
    .where("c.practice_id", "=", practiceId)
    .where("c.counsellor_id", "=", counsellorId);
  if (clientIds !== undefined) query = query.where("m.client_id", "in", idsOrNone(clientIds)).where("c.id", "in", idsOrNone(clientIds));
  const rows = await query.orderBy("m.client_id").orderBy("m.joined_at").orderBy("m.user_id").execute();
  return rows.map((row) => ({ clientId: row.client_id, kind: row.kind, userId: row.user_id, name: row.name, joinedAt: Number(row.joined_at) }));
}

/** What each member of this counsellor's clients shares now, keyed "clientId userId". */
export async function listScopes(
  db: Kysely<DB>,
  practiceId: string,
  counsellorId: string,
  clientIds?: readonly string[],
): Promise<Map<string, CounsellingScope[]>> {
  let query = db
    .selectFrom("client_consent as s")
    .innerJoin("practice_client as c", "c.id", "s.client_id")
    .select(["s.client_id", "s.user_id", "s.scope"])
    .where("c.practice_id", "=", practiceId)
    .where("c.counsellor_id", "=", counsellorId);
  if (clientIds !== undefined) query = query.where("s.client_id", "in", idsOrNone(clientIds)).where("c.id", "in", idsOrNone(clientIds));
  const result = new Map<string, CounsellingScope[]>();
  for (const row of await query.execute()) {
    const key = `${row.client_id} ${row.user_id}`;
    const list = result.get(key) ?? [];
    list.push(row.scope);
    result.set(key, list);
  }
  return result;
}

/** When this counsellor last opened each member's detail, keyed "clientId userId". */
export async function listLastViews(db: Kysely<DB>, practiceId: string, counsellorId: string, clientIds?: readonly string[]): Promise<Map<string, number>> {
  let query = db
    .selectFrom("client_last_view as v")
    .innerJoin("practice_client as c", "c.id", "v.client_id")
    .select(["v.client_id", "v.user_id", "v.viewed_at"])
    .where("v.counsellor_id", "=", counsellorId)
    .where("c.practice_id", "=", practiceId)
    .where("c.counsellor_id", "=", counsellorId);
  if (clientIds !== undefined) query = query.where("v.client_id", "in", idsOrNone(clientIds)).where("c.id", "in", idsOrNone(clientIds));
  const rows = await query.execute();
  return new Map(rows.map((row) => [`${row.client_id} ${row.user_id}`, Number(row.viewed_at)]));
}

/** Records that this counsellor opened these members' detail now. */
export async function touchLastViews(db: Kysely<DB>, counsellorId: string, clientId: string, userIds: readonly string[], now: number): Promise<void> {
  if (userIds.length === 0) return;
  await db
    .insertInto("client_last_view")
    .values(userIds.map((userId) => ({ counsellor_id: counsellorId, client_id: clientId, user_id: userId, viewed_at: now })))
    .onConflict((conflict) => conflict.columns(["counsellor_id", "client_id", "user_id"]).doUpdateSet({ viewed_at: now }))
    .execute();
}

/** The viewer's display name, for the audit rows (kept as it was at the time of the view). */
export async function findName(db: Kysely<DB>, userId: string): Promise<string> {
  const row = await db.selectFrom("user").select("name").where("id", "=", userId).executeTakeFirst();
  return row?.name ?? "";
}
