// All SQL of the directory and of requests for counselling (decisions 054, 055).
import type { Kysely } from "kysely";
import type { ClientKind, CounsellingScope, DirectoryLanguage } from "@mutual/core";
import type { DB } from "../../db/schema.js";
import type { ListingRow, ListingValues, RequestRow } from "./counselling-directory.policy.js";

export type { ListingRow, ListingValues, RequestRow };

const listingColumns = [
  "l.practice_id",
  "o.name",
  "l.languages",
  "l.individual",
  "l.couple",
  "l.in_person_area",
  "l.online",
  "l.fees",
  "l.subsidised",
  "l.description",
  "l.contact",
] as const;

type StoredListing = {
  practice_id: string;
  name: string;
  languages: string;
  individual: number;
  couple: number;
  in_person_area: string | null;
  online: number;
  fees: string;
  subsidised: number;
  description: string;
  contact: string;
};

const toListing = (row: StoredListing): ListingRow => ({
  practiceId: row.practice_id,
  name: row.name,
  languages: row.languages.split("|").filter((code) => code !== "") as DirectoryLanguage[],
  individual: Number(row.individual) === 1,
  couple: Number(row.couple) === 1,
  inPersonArea: row.in_person_area,
  online: Number(row.online) === 1,
  fees: row.fees,
  subsidised: Number(row.subsidised) === 1,
  description: row.description,
  contact: row.contact,
});

/** Listings in name order, filtered in SQL; `limit` bounds the answer. */
export async function listListings(
  db: Kysely<DB>,
  filter: { language?: DirectoryLanguage; kind?: ClientKind; mode?: "in-person" | "online"; subsidised?: boolean; limit: number },
): Promise<ListingRow[]> {
  let query = db.selectFrom("practice_listing as l").innerJoin("organization as o", "o.id", "l.practice_id").select(listingColumns);
  // Codes come from a fixed list of letters only, so the pattern has no wildcard in it.
  if (filter.language) query = query.where("l.languages", "like", `%|${filter.language}|%`);
  if (filter.kind === "individual") query = query.where("l.individual", "=", 1);
  if (filter.kind === "couple") query = query.where("l.couple", "=", 1);
  if (filter.mode === "online") query = query.where("l.online", "=", 1);
  if (filter.mode === "in-person") query = query.where("l.in_person_area", "is not", null);
  if (filter.subsidised !== undefined) query = query.where("l.subsidised", "=", filter.subsidised ? 1 : 0);
  const rows = await query.orderBy("o.name").orderBy("l.practice_id").limit(filter.limit).execute();
  return rows.map(toListing);
}

export async function findListing(db: Kysely<DB>, practiceId: string): Promise<ListingRow | null> {
  const row = await db
    .selectFrom("practice_listing as l")
    .innerJoin("organization as o", "o.id", "l.practice_id")
    .select(listingColumns)
    .where("l.practice_id", "=", practiceId)
    .executeTakeFirst();
  return row ? toListing(row) : null;
}

export async function upsertListing(db: Kysely<DB>, practiceId: string, values: ListingValues, now: number): Promise<void> {
  const stored = {
    languages: `|${values.languages.join("|")}|`,
    individual: values.individual ? 1 : 0,
    couple: values.couple ? 1 : 0,
    in_person_area: values.inPersonArea,
    online: values.online ? 1 : 0,
    fees: values.fees,
    subsidised: values.subsidised ? 1 : 0,
    description: values.description,
    contact: values.contact,
    updated_at: now,
  };
  await db
    .insertInto("practice_listing")
    .values({ practice_id: practiceId, listed_at: now, ...stored })
    .onConflict((conflict) => conflict.column("practice_id").doUpdateSet(stored))
    .execute();
}

export async function deleteListing(db: Kysely<DB>, practiceId: string): Promise<void> {
  await db.deleteFrom("practice_listing").where("practice_id", "=", practiceId).execute();
}

// ---- requests ----

const scopesOf = (text: string): CounsellingScope[] => text.split(",").filter((scope) => scope !== "") as CounsellingScope[];

function requestQuery(db: Kysely<DB>) {
  return db
    .selectFrom("counselling_request as r")
    .innerJoin("organization as o", "o.id", "r.practice_id")
    .innerJoin("user as requester", "requester.id", "r.requester_id")
    .leftJoin("user as partner", "partner.id", "r.partner_id")
    .select([
      "r.id",
      "r.practice_id",
      "o.name as practice_name",
      "r.requester_id",
      "requester.name as requester_name",
      "r.partner_id",
      "partner.name as partner_name",
      "r.kind",
      "r.message",
      "r.requester_scopes",
      "r.partner_scopes",
      "r.status",
      "r.counsellor_id",
      "r.decline_message",
      "r.created_at",
      "r.updated_at",
    ]);
}

type StoredRequest = Awaited<ReturnType<ReturnType<typeof requestQuery>["executeTakeFirstOrThrow"]>>;

const toRequest = (row: StoredRequest): RequestRow => ({
  id: row.id,
  practiceId: row.practice_id,
  practiceName: row.practice_name,
  requesterId: row.requester_id,
  requesterName: row.requester_name,
  partnerId: row.partner_id,
  partnerName: row.partner_name ?? null,
  kind: row.kind,
  message: row.message,
  requesterScopes: scopesOf(row.requester_scopes),
  partnerScopes: row.partner_scopes === null ? null : scopesOf(row.partner_scopes),
  status: row.status,
  counsellorId: row.counsellor_id,
  declineMessage: row.decline_message,
  createdAt: Number(row.created_at),
  updatedAt: Number(row.updated_at),
});

/** Requests I asked or my partner asked for both of us, newest first. */
export async function listRequestsOfPerson(db: Kysely<DB>, userId: string): Promise<RequestRow[]> {
  const rows = await requestQuery(db)
    .where((eb) => eb.or([eb("r.requester_id", "=", userId), eb("r.partner_id", "=", userId)]))
    .orderBy("r.created_at", "desc")
    .orderBy("r.id")
    .execute();
  return rows.map(toRequest);
}

export async function findRequest(db: Kysely<DB>, requestId: string): Promise<RequestRow | null> {
  const row = await requestQuery(db).where("r.id", "=", requestId).executeTakeFirst();
  return row ? toRequest(row) : null;
}

/** The open requests a practice sees: sent, or with a counsellor; only `counsellorId`'s when given. */
export async function listIntake(db: Kysely<DB>, practiceId: string, counsellorId: string | null): Promise<RequestRow[]> {
  let query = requestQuery(db).where("r.practice_id", "=", practiceId).where("r.status", "in", ["sent", "assigned"]);
  if (counsellorId !== null) query = query.where("r.counsellor_id", "=", counsellorId).where("r.status", "=", "assigned");
  const rows = await query.orderBy("r.created_at").orderBy("r.id").limit(500).execute();
  return rows.map(toRequest);
}

export async function insertRequest(
  db: Kysely<DB>,
  values: {
    id: string;
    practiceId: string;
    requesterId: string;
    partnerId: string | null;
    kind: ClientKind;
    message: string | null;
    scopes: readonly CounsellingScope[];
    status: "awaiting-partner" | "sent";
    now: number;
  },
): Promise<void> {
  await db
    .insertInto("counselling_request")
    .values({
      id: values.id,
      practice_id: values.practiceId,
      requester_id: values.requesterId,
      partner_id: values.partnerId,
      kind: values.kind,
      message: values.message,
      requester_scopes: values.scopes.join(","),
      partner_scopes: null,
      status: values.status,
      counsellor_id: null,
      decline_message: null,
      created_at: values.now,
      updated_at: values.now,
    })
    .execute();
}

/** Moves a request on; only from one of `from`, so two changes at once cannot both apply. Returns whether it did. */
export async function updateRequest(
  db: Kysely<DB>,
  requestId: string,
  from: readonly RequestRow["status"][],
  values: Partial<{
    status: RequestRow["status"];
    counsellor_id: string | null;
    partner_scopes: string;
    decline_message: string;
  }>,
  now: number,
): Promise<boolean> {
  const result = await db
    .updateTable("counselling_request")
    .set({ ...values, updated_at: now })
    .where("id", "=", requestId)
    .where("status", "in", [...from])
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** The open requests a person is part of (as either person), for the limits and duplicates. */
export async function listOpenRequestsInvolving(db: Kysely<DB>, userIds: readonly string[]) {
  return db
    .selectFrom("counselling_request")
    .select(["id", "practice_id", "requester_id"])
    .where("status", "in", ["awaiting-partner", "sent", "assigned"])
    .where((eb) => eb.or([eb("requester_id", "in", [...userIds]), eb("partner_id", "in", [...userIds])]))
    .execute();
}

export async function countRequestsSince(db: Kysely<DB>, requesterId: string, sinceMs: number): Promise<number> {
  const row = await db
    .selectFrom("counselling_request")
    .select((eb) => eb.fn.countAll<number | string>().as("n"))
    .where("requester_id", "=", requesterId)
    .where("created_at", ">=", sinceMs)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Whether a person is already a client of the practice, or one of its members. */
export async function relationToPractice(db: Kysely<DB>, practiceId: string, userId: string): Promise<"client" | "member" | null> {
  const client = await db
    .selectFrom("practice_client_member")
    .select("client_id")
    .where("practice_id", "=", practiceId)
    .where("user_id", "=", userId)
    .executeTakeFirst();
  if (client) return "client";
  const member = await db.selectFrom("member").select("id").where("organizationId", "=", practiceId).where("userId", "=", userId).executeTakeFirst();
  return member ? "member" : null;
}

/** A member of the practice by their member id (the id the practice page shows). */
export async function findMemberById(db: Kysely<DB>, practiceId: string, memberId: string) {
  return db
    .selectFrom("member")
    .innerJoin("user", "user.id", "member.userId")
    .select(["member.id as memberId", "member.userId as userId", "user.name as name"])
    .where("member.organizationId", "=", practiceId)
    .where("member.id", "=", memberId)
    .executeTakeFirst();
}

/** Members by user id (for the counsellor's name and member id on intake rows). */
export async function listMembersByUser(db: Kysely<DB>, practiceId: string) {
  return db
    .selectFrom("member")
    .innerJoin("user", "user.id", "member.userId")
    .select(["member.id as memberId", "member.userId as userId", "member.role as role", "user.name as name"])
    .where("member.organizationId", "=", practiceId)
    .execute();
}

export async function findUserName(db: Kysely<DB>, userId: string): Promise<string | null> {
  const row = await db.selectFrom("user").select("name").where("id", "=", userId).executeTakeFirst();
  return row?.name ?? null;
}

/** A member who leaves a practice stops counselling its open requests: they go back to the intake list. */
export async function unassignCounsellor(db: Kysely<DB>, practiceId: string, counsellorId: string, now: number): Promise<void> {
  await db
    .updateTable("counselling_request")
    .set({ status: "sent", counsellor_id: null, updated_at: now })
    .where("practice_id", "=", practiceId)
    .where("counsellor_id", "=", counsellorId)
    .where("status", "=", "assigned")
    .execute();
}
