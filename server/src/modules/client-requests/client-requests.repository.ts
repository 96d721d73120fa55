import type { Kysely } from "kysely";
import type { ClientRequestKind } from "@mutual/core";
import type { DB } from "../../db/schema.js";

export type RequestRow = {
  id: string;
  clientId: string;
  counsellorId: string;
  userId: string;
  kind: ClientRequestKind;
  status: "open" | "declined" | "cancelled";
  createdAtMs: number;
  expiresAtMs: number | null;
};

const nullableMs = (value: number | string | null) => (value === null ? null : Number(value));

type Stored = {
  id: string;
  client_id: string;
  counsellor_id: string;
  user_id: string;
  kind: ClientRequestKind;
  status: RequestRow["status"];
  created_at: number | string;
  expires_at: number | string | null;
};
const columns = ["r.id", "r.client_id", "r.counsellor_id", "r.user_id", "r.kind", "r.status", "r.created_at", "r.expires_at"] as const;
const toRow = (row: Stored): RequestRow => ({
  id: row.id,
  clientId: row.client_id,
  counsellorId: row.counsellor_id,
  userId: row.user_id,
  kind: row.kind,
  status: row.status,
  createdAtMs: Number(row.created_at),
  expiresAtMs: nullableMs(row.expires_at),
});

/** Whether this client is this counsellor's, in this practice. */
export async function isClientOfCounsellor(db: Kysely<DB>, practiceId: string, clientId: string, counsellorId: string): Promise<boolean> {
  const row = await db
    .selectFrom("practice_client")
    .select("id")
    .where("id", "=", clientId)
    .where("practice_id", "=", practiceId)
    .where("counsellor_id", "=", counsellorId)
    .executeTakeFirst();
  return row !== undefined;
}

/** The client's members who share this scope with their counsellor now. */
export async function listMembersSharing(db: Kysely<DB>, clientId: string, scope: "check-ins" | "profile"): Promise<string[]> {
  const rows = await db
    .selectFrom("practice_client_member as m")
    .innerJoin("client_consent as s", (join) => join.onRef("s.client_id", "=", "m.client_id").onRef("s.user_id", "=", "m.user_id"))
    .select("m.user_id")
    .where("m.client_id", "=", clientId)
    .where("s.scope", "=", scope)
    .orderBy("m.joined_at")
    .execute();
  return rows.map((row) => row.user_id);
}

export async function insertRequest(
  db: Kysely<DB>,
  values: {
    id: string;
    clientId: string;
    practiceId: string;
    counsellorId: string;
    userId: string;
    kind: ClientRequestKind;
    createdAtMs: number;
    expiresAtMs: number | null;
    reminderAtMs: number | null;
  },
): Promise<void> {
  await db
    .insertInto("client_request")
    .values({
      id: values.id,
      client_id: values.clientId,
      practice_id: values.practiceId,
      counsellor_id: values.counsellorId,
      user_id: values.userId,
      kind: values.kind,
      status: "open",
      created_at: values.createdAtMs,
      expires_at: values.expiresAtMs,
      reminder_at: values.reminderAtMs,
      answered_at: null,
    })
    .execute();
}

/** Every request this counsellor made of one client, newest first, with the member's name. */
export async function listRequestsOfClient(db: Kysely<DB>, clientId: string, counsellorId: string): Promise<Array<RequestRow & { memberName: string }>> {
  const rows = await db
    .selectFrom("client_request as r")
    .innerJoin("user as u", "u.id", "r.user_id")
    .select([...columns, "u.name"])
    .where("r.client_id", "=", clientId)
    .where("r.counsellor_id", "=", counsellorId)
    .orderBy("r.created_at", "desc")
    .orderBy("r.id")
    .execute();
  return rows.map((row) => ({ ...toRow(row), memberName: row.name }));
}

/** The person's requests still marked open, from counsellors whose client they still are, with the counsellor's name. */
export async function listOpenRequestsOf(db: Kysely<DB>, userId: string): Promise<Array<RequestRow & { counsellorName: string }>> {
  const rows = await db
    .selectFrom("client_request as r")
    .innerJoin("practice_client_member as m", (join) => join.onRef("m.client_id", "=", "r.client_id").onRef("m.user_id", "=", "r.user_id"))
    .innerJoin("user as c", "c.id", "r.counsellor_id")
    .select([...columns, "c.name"])
    .where("r.user_id", "=", userId)
    .where("r.status", "=", "open")
    .orderBy("r.created_at", "desc")
    .orderBy("r.id")
    .execute();
  return rows.map((row) => ({ ...toRow(row), counsellorName: row.name }));
}

/** One request, if it is this person's and they are still that client's member. */
export async function findRequestOf(db: Kysely<DB>, requestId: string, userId: string): Promise<RequestRow | undefined> {
  const row = await db
    .selectFrom("client_request as r")
    .innerJoin("practice_client_member as m", (join) => join.onRef("m.client_id", "=", "r.client_id").onRef("m.user_id", "=", "r.user_id"))
    .select(columns)
    .where("r.id", "=", requestId)
    .where("r.user_id", "=", userId)
    .executeTakeFirst();
  return row ? toRow(row) : undefined;
}

export async function markDeclined(db: Kysely<DB>, requestId: string, userId: string, nowMs: number): Promise<void> {
  await db
    .updateTable("client_request")
    .set({ status: "declined", answered_at: nowMs })
    .where("id", "=", requestId)
    .where("user_id", "=", userId)
    .where("status", "=", "open")
    .execute();
}

/**
 * When the person last did what a request asks: their latest check-in write and their latest
 * completed profile. Read from those features' own tables (one row each), so that fulfilling a
 * request needs no write beyond the check-in or the profile itself.
 */
export async function findLatestDoings(db: Kysely<DB>, userId: string): Promise<{ checkInAtMs: number | null; profileAtMs: number | null }> {
  const checkIn = await db
    .selectFrom("check_in")
    .select((eb) => eb.fn.max("updated_at").as("at"))
    .where("user_id", "=", userId)
    .executeTakeFirst();
  const profile = await db
    .selectFrom("assessment")
    .select((eb) => eb.fn.max("completed_at").as("at"))
    .where("user_id", "=", userId)
    .where("status", "=", "completed")
    .executeTakeFirst();
  return { checkInAtMs: nullableMs((checkIn?.at ?? null) as number | string | null), profileAtMs: nullableMs((profile?.at ?? null) as number | string | null) };
}

/** Every request made of the person, newest first, with the counsellor's name (for their export). */
export async function listRequestsOfPerson(db: Kysely<DB>, userId: string): Promise<Array<RequestRow & { counsellorName: string }>> {
  const rows = await db
    .selectFrom("client_request as r")
    .innerJoin("user as c", "c.id", "r.counsellor_id")
    .select([...columns, "c.name"])
    .where("r.user_id", "=", userId)
    .orderBy("r.created_at", "desc")
    .orderBy("r.id")
    .execute();
  return rows.map((row) => ({ ...toRow(row), counsellorName: row.name }));
}
