import { sql, type Kysely } from "kysely";
import type { ClientKind, CounsellingScope, PageCursor } from "@mutual/core";
import type { DB } from "../../db/schema.js";
import type { ClientInviteRecord } from "./counselling.policy.js";

const toMs = (value: number | string) => Number(value);

// ---- invites ----

export async function insertClientInvite(
  db: Kysely<DB>,
  values: { id: string; practiceId: string; counsellorId: string; kind: ClientKind; codeHash: string; createdAt: number; expiresAt: number },
): Promise<void> {
  await db
    .insertInto("client_invite")
    .values({
      id: values.id,
      practice_id: values.practiceId,
      counsellor_id: values.counsellorId,
      kind: values.kind,
      code_hash: values.codeHash,
      created_at: values.createdAt,
      expires_at: values.expiresAt,
      status: "pending",
      client_id: null,
      closed_at: null,
    })
    .execute();
}

/**
 * Rows after the cursor in (created_at, id) order: the keyset condition of every paged list here
 * (decision 040), as one row-value comparison: both databases can read it as a range of the
 * (…, created_at, id) index, where an OR of the two columns may not be.
 */
function afterCursor(table: "client_invite" | "practice_client", cursor: PageCursor | undefined) {
  if (cursor === undefined) return sql<boolean>`1 = 1`;
  return sql<boolean>`(${sql.ref(`${table}.created_at`)}, ${sql.ref(`${table}.id`)}) > (${cursor.at}, ${cursor.id})`;
}

/** One page of the counsellor's invites in the practice still open at `now`, oldest first, after `cursor`; `limit + 1` rows tell whether more follow. */
export async function listOpenInvites(
  db: Kysely<DB>,
  values: { practiceId: string; counsellorId: string; now: number; cursor: PageCursor | undefined; limit: number },
) {
  const rows = await db
    .selectFrom("client_invite")
    .select(["id", "kind", "created_at", "expires_at"])
    .where("practice_id", "=", values.practiceId)
    .where("counsellor_id", "=", values.counsellorId)
    .where("status", "=", "pending")
    .where("expires_at", ">", values.now)
    .where(afterCursor("client_invite", values.cursor))
    .orderBy("created_at")
    .orderBy("id")
    .limit(values.limit + 1)
    .execute();
  return rows.map((row) => ({ id: row.id, kind: row.kind, createdAt: toMs(row.created_at), expiresAt: toMs(row.expires_at) }));
}

/** Cancels one of the counsellor's pending invites in the practice. True if it did. */
export async function cancelClientInvite(
  db: Kysely<DB>,
  values: { inviteId: string; practiceId: string; counsellorId: string; now: number },
): Promise<boolean> {
  const result = await db
    .updateTable("client_invite")
    .set({ status: "cancelled", closed_at: values.now })
    .where("id", "=", values.inviteId)
    .where("practice_id", "=", values.practiceId)
    .where("counsellor_id", "=", values.counsellorId)
    .where("status", "=", "pending")
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

const inviteColumns = [
  "client_invite.id as id",
  "client_invite.practice_id as practice_id",
  "organization.name as practice_name",
  "client_invite.counsellor_id as counsellor_id",
  "user.name as counsellor_name",
  "client_invite.kind as kind",
  "client_invite.created_at as created_at",
  "client_invite.expires_at as expires_at",
  "client_invite.status as status",
  "client_invite.client_id as client_id",
] as const;

function inviteQuery(db: Kysely<DB>) {
  return db
    .selectFrom("client_invite")
    .innerJoin("organization", "organization.id", "client_invite.practice_id")
    .innerJoin("user", "user.id", "client_invite.counsellor_id")
    .select(inviteColumns);
}

type InviteRow = Awaited<ReturnType<ReturnType<typeof inviteQuery>["executeTakeFirstOrThrow"]>>;

function toInvite(row: InviteRow | undefined): ClientInviteRecord | null {
  if (!row) return null;
  return {
    id: row.id,
    practiceId: row.practice_id,
    practiceName: row.practice_name,
    counsellorId: row.counsellor_id,
    counsellorName: row.counsellor_name,
    kind: row.kind,
    createdAt: toMs(row.created_at),
    expiresAt: toMs(row.expires_at),
    status: row.status,
    clientId: row.client_id,
  };
}

/** The invite with this code hash, with its practice's and counsellor's current names, or null. */
export async function findInviteByHash(db: Kysely<DB>, codeHash: string): Promise<ClientInviteRecord | null> {
  return toInvite(await inviteQuery(db).where("client_invite.code_hash", "=", codeHash).executeTakeFirst());
}

/**
 * Locks the invite's row for the rest of the transaction (a no-op update: on PostgreSQL a second
 * accept of the same code waits here and then reads what the first wrote; SQLite runs one writer
 * at a time) and reads it afresh.
 */
export async function lockInvite(db: Kysely<DB>, inviteId: string): Promise<ClientInviteRecord | null> {
  await db
    .updateTable("client_invite")
    .set({ created_at: sql<number>`created_at` })
    .where("id", "=", inviteId)
    .execute();
  return toInvite(await inviteQuery(db).where("client_invite.id", "=", inviteId).executeTakeFirst());
}

/** Records an acceptance: the invite's client, and whether the invite is now used up. */
export async function markInviteAccepted(db: Kysely<DB>, values: { inviteId: string; clientId: string; isUsedUp: boolean; now: number }): Promise<void> {
  await db
    .updateTable("client_invite")
    .set(values.isUsedUp ? { client_id: values.clientId, status: "accepted", closed_at: values.now } : { client_id: values.clientId })
    .where("id", "=", values.inviteId)
    .execute();
}

// ---- clients, members and consents ----

export async function insertClient(
  db: Kysely<DB>,
  values: { id: string; practiceId: string; counsellorId: string; kind: ClientKind; now: number },
): Promise<void> {
  await db
    .insertInto("practice_client")
    .values({ id: values.id, practice_id: values.practiceId, counsellor_id: values.counsellorId, kind: values.kind, created_at: values.now })
    .execute();
}

export async function insertMember(db: Kysely<DB>, values: { clientId: string; practiceId: string; userId: string; now: number }): Promise<void> {
  await db
    .insertInto("practice_client_member")
    .values({ client_id: values.clientId, practice_id: values.practiceId, user_id: values.userId, joined_at: values.now })
    .execute();
}

/** Who accepted this client (ids), oldest first. */
export async function listMemberIds(db: Kysely<DB>, clientId: string): Promise<string[]> {
  const rows = await db
    .selectFrom("practice_client_member")
    .select("user_id")
    .where("client_id", "=", clientId)
    .orderBy("joined_at")
    .orderBy("user_id")
    .execute();
  return rows.map((row) => row.user_id);
}

export async function isClientOfPractice(db: Kysely<DB>, practiceId: string, userId: string): Promise<boolean> {
  const row = await db
    .selectFrom("practice_client_member")
    .select("client_id")
    .where("practice_id", "=", practiceId)
    .where("user_id", "=", userId)
    .executeTakeFirst();
  return row !== undefined;
}

export async function findMember(db: Kysely<DB>, clientId: string, userId: string): Promise<{ clientId: string } | null> {
  const row = await db
    .selectFrom("practice_client_member")
    .select("client_id")
    .where("client_id", "=", clientId)
    .where("user_id", "=", userId)
    .executeTakeFirst();
  return row ? { clientId: row.client_id } : null;
}

/** The person's consents to their counsellor become exactly `scopes`; unchanged scopes keep their grant time. */
export async function replaceConsents(
  db: Kysely<DB>,
  values: { clientId: string; userId: string; scopes: readonly CounsellingScope[]; now: number },
): Promise<void> {
  let removal = db.deleteFrom("client_consent").where("client_id", "=", values.clientId).where("user_id", "=", values.userId);
  if (values.scopes.length > 0) removal = removal.where("scope", "not in", [...values.scopes]);
  await removal.execute();
  if (values.scopes.length === 0) return;
  await db
    .insertInto("client_consent")
    .values(values.scopes.map((scope) => ({ client_id: values.clientId, user_id: values.userId, scope, granted_at: values.now })))
    .onConflict((conflict) => conflict.columns(["client_id", "user_id", "scope"]).doNothing())
    .execute();
}

/**
 * The person stops being this client: their consents go with their membership. When nobody is
 * left, the client's open invite is cancelled and the client record removed.
 */
export async function removeMember(db: Kysely<DB>, clientId: string, userId: string, now: number): Promise<void> {
  await db.deleteFrom("client_consent").where("client_id", "=", clientId).where("user_id", "=", userId).execute();
  await db.deleteFrom("practice_client_member").where("client_id", "=", clientId).where("user_id", "=", userId).execute();
  if ((await listMemberIds(db, clientId)).length > 0) return;
  await db
    .updateTable("client_invite")
    .set({ status: "cancelled", closed_at: now })
    .where("client_id", "=", clientId)
    .where("status", "=", "pending")
    .execute();
  await db.deleteFrom("practice_client").where("id", "=", clientId).execute();
}

/**
 * The counsellor leaves the practice: each of their clients there ends (members, consents, the
 * client record; a couple invite waiting for a second partner is cancelled with it), and every
 * invite they still had open in the practice is cancelled.
 */
export async function endCounsellorInPractice(db: Kysely<DB>, practiceId: string, counsellorId: string, now: number): Promise<void> {
  await db
    .updateTable("client_invite")
    .set({ status: "cancelled", closed_at: now })
    .where("practice_id", "=", practiceId)
    .where("counsellor_id", "=", counsellorId)
    .where("status", "=", "pending")
    .execute();
  const clients = await db.selectFrom("practice_client").select("id").where("practice_id", "=", practiceId).where("counsellor_id", "=", counsellorId).execute();
  const clientIds = clients.map((client) => client.id);
  if (clientIds.length === 0) return;
  await db.deleteFrom("client_consent").where("client_id", "in", clientIds).execute();
  await db.deleteFrom("practice_client_member").where("client_id", "in", clientIds).execute();
  await db.deleteFrom("practice_client").where("id", "in", clientIds).execute();
}

/** The clients (ids) the person is a member of, in every practice. */
export async function listClientIdsOfMember(db: Kysely<DB>, userId: string): Promise<string[]> {
  const rows = await db.selectFrom("practice_client_member").select("client_id").where("user_id", "=", userId).execute();
  return rows.map((row) => row.client_id);
}

async function consentsOf(db: Kysely<DB>, clientIds: readonly string[]): Promise<Array<{ clientId: string; userId: string; scope: CounsellingScope }>> {
  if (clientIds.length === 0) return [];
  const rows = await db
    .selectFrom("client_consent")
    .select(["client_id", "user_id", "scope"])
    .where("client_id", "in", [...clientIds])
    .execute();
  return rows.map((row) => ({ clientId: row.client_id, userId: row.user_id, scope: row.scope }));
}

/** The person's relations with counsellors, oldest first, with the scopes they share in each. */
export async function listRelationsOf(db: Kysely<DB>, userId: string) {
  const rows = await db
    .selectFrom("practice_client_member as me")
    .innerJoin("practice_client", "practice_client.id", "me.client_id")
    .innerJoin("organization", "organization.id", "practice_client.practice_id")
    .innerJoin("user as counsellor", "counsellor.id", "practice_client.counsellor_id")
    .select([
      "practice_client.id as client_id",
      "organization.name as practice_name",
      "counsellor.name as counsellor_name",
      "practice_client.kind as kind",
      "me.joined_at as joined_at",
    ])
    .where("me.user_id", "=", userId)
    .orderBy("me.joined_at")
    .orderBy("practice_client.id")
    .execute();
  const consents = (
    await consentsOf(
      db,
      rows.map((row) => row.client_id),
    )
  ).filter((consent) => consent.userId === userId);
  return rows.map((row) => ({
    clientId: row.client_id,
    practiceName: row.practice_name,
    counsellorName: row.counsellor_name,
    kind: row.kind,
    since: toMs(row.joined_at),
    scopes: consents.filter((consent) => consent.clientId === row.client_id).map((consent) => consent.scope),
  }));
}

/** The person's relations with counsellors for their own export: each scope with when it was granted. */
export async function listRelationsForExport(db: Kysely<DB>, userId: string) {
  const relations = await listRelationsOf(db, userId);
  if (relations.length === 0) return [];
  const grants = await db
    .selectFrom("client_consent")
    .select(["client_id", "scope", "granted_at"])
    .where("user_id", "=", userId)
    .where(
      "client_id",
      "in",
      relations.map((relation) => relation.clientId),
    )
    .execute();
  return relations.map((relation) => ({
    practiceName: relation.practiceName,
    counsellorName: relation.counsellorName,
    kind: relation.kind,
    since: relation.since,
    scopes: relation.scopes.map((scope) => ({
      scope,
      since: toMs(grants.find((grant) => grant.client_id === relation.clientId && grant.scope === scope)?.granted_at ?? relation.since),
    })),
  }));
}

/**
 * One page of the counsellor's clients in the practice, oldest first, after `cursor` (`limit + 1`
 * clients tell whether more follow), each with who accepted (name, when) and what each shares right
 * now. Reads the page's clients, then only their members and consents: the cost is the page's, not
 * the practice's (decision 040).
 */
export async function listClientsOf(db: Kysely<DB>, values: { practiceId: string; counsellorId: string; cursor: PageCursor | undefined; limit: number }) {
  const page = await db
    .selectFrom("practice_client")
    .select(["id", "kind", "created_at"])
    .where("practice_id", "=", values.practiceId)
    .where("counsellor_id", "=", values.counsellorId)
    .where(afterCursor("practice_client", values.cursor))
    .orderBy("created_at")
    .orderBy("id")
    .limit(values.limit + 1)
    .execute();
  if (page.length === 0) return [];
  const clientIds = page.map((client) => client.id);
  const members = await db
    .selectFrom("practice_client_member as member")
    .innerJoin("user", "user.id", "member.user_id")
    .select(["member.client_id as client_id", "member.user_id as user_id", "user.name as name", "member.joined_at as joined_at"])
    .where("member.client_id", "in", clientIds)
    .orderBy("member.joined_at")
    .orderBy("member.user_id")
    .execute();
  const scopesByMember = new Map<string, CounsellingScope[]>();
  for (const consent of await consentsOf(db, clientIds)) {
    const key = `${consent.clientId} ${consent.userId}`;
    scopesByMember.set(key, [...(scopesByMember.get(key) ?? []), consent.scope]);
  }
  const membersByClient = new Map<string, Array<{ name: string; since: number; scopes: CounsellingScope[] }>>();
  for (const member of members) {
    const list = membersByClient.get(member.client_id) ?? [];
    list.push({ name: member.name, since: toMs(member.joined_at), scopes: scopesByMember.get(`${member.client_id} ${member.user_id}`) ?? [] });
    membersByClient.set(member.client_id, list);
  }
  return page.map((client) => ({ clientId: client.id, kind: client.kind, createdAt: toMs(client.created_at), members: membersByClient.get(client.id) ?? [] }));
}
