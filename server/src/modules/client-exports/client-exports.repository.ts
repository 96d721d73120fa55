import { PostgresAdapter, sql, type Kysely } from "kysely";
import type { ClientKind, CounsellingScope } from "@mutual/core";
import type { DB } from "../../db/schema.js";
import type { ProfileSharingPerson } from "./client-exports.policy.js";

// Reads of a counsellor's own clients and what each person shares right now (decision 015's
// tables). Every query is bound to the counsellor: another counsellor's client is never found.

/** The client if it belongs to this practice and this counsellor, else undefined. */
export async function findMyClient(
  db: Kysely<DB>,
  practiceId: string,
  counsellorId: string,
  clientId: string,
): Promise<{ id: string; kind: ClientKind } | undefined> {
  return db
    .selectFrom("practice_client")
    .select(["id", "kind"])
    .where("id", "=", clientId)
    .where("practice_id", "=", practiceId)
    .where("counsellor_id", "=", counsellorId)
    .executeTakeFirst();
}

export type ClientPerson = { userId: string; name: string; joinedAt: number; scopes: CounsellingScope[] };

/** The people of a client, oldest first, each with the scopes they share now (possibly none). */
export async function listClientPeople(db: Kysely<DB>, clientId: string): Promise<ClientPerson[]> {
  const members = await db
    .selectFrom("practice_client_member")
    .innerJoin("user", "user.id", "practice_client_member.user_id")
    .select(["practice_client_member.user_id as userId", "user.name as name", "practice_client_member.joined_at as joinedAt"])
    .where("practice_client_member.client_id", "=", clientId)
    .orderBy("practice_client_member.joined_at")
    .orderBy("practice_client_member.user_id")
    .execute();
  const consents = await db.selectFrom("client_consent").select(["user_id", "scope"]).where("client_id", "=", clientId).execute();
  return members.map((member) => ({
    userId: member.userId,
    name: member.name,
    joinedAt: Number(member.joinedAt),
    scopes: consents.filter((consent) => consent.user_id === member.userId).map((consent) => consent.scope),
  }));
}

/** Where a walk of the people in name order stopped: the last account read, by (name, id). */
export type NameCursor = { name: string; id: string };

/**
 * One step of a walk over every account in name order (the `user_name_idx` index, (name, id), the
 * order the database compares names in): the next `step` accounts after `after`, and of them this
 * counsellor's clients' people in the practice who share their profile now, in that order. Each
 * step reads at most `step` index entries and probes each by key, so its cost does not grow with
 * the practice (or the server); `next` is null once the walk has passed the last account.
 */
export async function stepMyProfileSharingPeople(
  db: Kysely<DB>,
  practiceId: string,
  counsellorId: string,
  after: NameCursor | null,
  step: number,
): Promise<{ people: ProfileSharingPerson[]; next: NameCursor | null }> {
  let walk = db.selectFrom("user").select(["id", "name"]);
  if (after) walk = walk.where((eb) => eb(eb.refTuple("name", "id"), ">", eb.tuple(after.name, after.id)));
  const accounts = await walk.orderBy("name").orderBy("id").limit(step).execute();
  if (accounts.length === 0) return { people: [], next: null };
  const rows = await sharingMembersAmong(
    db,
    practiceId,
    counsellorId,
    accounts.map((account) => account.id),
  );
  const byUser = new Map(rows.map((row) => [row.userId, row]));
  const people: ProfileSharingPerson[] = [];
  for (const account of accounts) {
    const row = byUser.get(account.id);
    if (row) people.push({ clientId: row.clientId, kind: row.kind, userId: account.id, name: account.name });
  }
  const last = accounts.at(-1)!;
  return { people, next: accounts.length < step ? null : { name: last.name, id: last.id } };
}

/**
 * Of these accounts, the counsellor's clients' people in the practice who share their profile now.
 * On PostgreSQL each account is probed by key in turn (a lateral subquery per id, kept apart by
 * `offset 0`): a list of over about 1 % of the members is otherwise planned as a scan of every
 * member, account and client of the server, each step (decision 092). SQLite probes an `in` list by key.
 */
async function sharingMembersAmong(
  db: Kysely<DB>,
  practiceId: string,
  counsellorId: string,
  userIds: readonly string[],
): Promise<Array<{ clientId: string; kind: ClientKind; userId: string }>> {
  const sharing = db
    .selectFrom("practice_client_member")
    .innerJoin("practice_client", "practice_client.id", "practice_client_member.client_id")
    .innerJoin("client_consent", (join) =>
      join.onRef("client_consent.client_id", "=", "practice_client_member.client_id").onRef("client_consent.user_id", "=", "practice_client_member.user_id"),
    )
    .select(["practice_client.id as clientId", "practice_client.kind as kind", "practice_client_member.user_id as userId"])
    .where("practice_client_member.practice_id", "=", practiceId)
    .where("practice_client.counsellor_id", "=", counsellorId)
    .where("client_consent.scope", "=", "profile");
  if (userIds.length === 0) return [];
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return sharing.where("practice_client_member.user_id", "in", userIds).execute();
  const ofAccount = sharing.where("practice_client_member.user_id", "=", sql<string>`k.id`).offset(0);
  const { rows } = await sql<{
    clientId: string;
    kind: ClientKind;
    userId: string;
  }>`select p.* from unnest(cast(${[...userIds]} as text[])) as k(id) cross join lateral (${ofAccount}) as p`.execute(db);
  return rows;
}
