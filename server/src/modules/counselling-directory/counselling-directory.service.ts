// Use cases of the directory (decision 054) and of requests for counselling (decision 055).
import { randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import {
  DIRECTORY_MAX_ENTRIES,
  PRACTICE_ROLES,
  type CounsellingScope,
  type CreateCounsellingRequestBody,
  type DirectoryResponse,
  type IntakeResponse,
  type MyCounsellingRequestsResponse,
  type PracticeListingResponse,
  type PutListingBody,
  type DirectoryFilter,
} from "@mutual/core";
import type { DB } from "../../db/schema.js";
import type { Actor } from "../../domain/actor.js";
import { DomainError, conflict } from "../../domain/errors.js";
import type { Clock } from "../../platform/clock.js";
import { requestNoticeEmail } from "../../platform/email-templates.js";
import { findCurrentPartnerId } from "../couple/index.js";
import { alreadyClient, joinClient, orderScopes } from "../counselling/index.js";
import { recordDataViews } from "../data-views/index.js";
import { enqueueNotice, type OutboxHandlers, type OutboxRenderer } from "../outbox/index.js";
import { managesMembers, requirePracticeRole, requireTwoFactor } from "../practice/index.js";
import { decideNewRequest, isOpen, OPEN_STATUSES, requestClosed, requestNotFound, roleIn, statusOf } from "./counselling-directory.policy.js";
import { presentIntake, presentListing, presentMyRequest } from "./counselling-directory.presenter.js";
import {
  countRequestsSince,
  deleteListing,
  findListing,
  findMemberById,
  findRequest,
  insertRequest,
  listIntake,
  listListings,
  listMembersByUser,
  listOpenRequestsInvolving,
  listRequestsOfPerson,
  relationToPractice,
  unassignCounsellor,
  updateRequest,
  upsertListing,
  type RequestRow,
} from "./counselling-directory.repository.js";

export type CounsellingDirectoryDeps = { db: Kysely<DB>; clock: Clock };

const nowOf = (deps: CounsellingDirectoryDeps) => deps.clock.now().getTime();
const dayMs = 86_400_000;

// ---- the directory ----

/** The listed practices that match every filter given, in name order. Anyone may read it (decision 054). */
export async function readDirectory(deps: CounsellingDirectoryDeps, query: DirectoryFilter): Promise<DirectoryResponse> {
  const rows = await listListings(deps.db, { ...query, limit: DIRECTORY_MAX_ENTRIES });
  return { practices: rows.map(presentListing) };
}

/** The practice's own listing, for any of its members; null while unlisted. */
export async function getListing(deps: CounsellingDirectoryDeps, actor: Actor, practiceId: string): Promise<PracticeListingResponse> {
  await requirePracticeRole(deps.db, actor, practiceId, PRACTICE_ROLES);
  const row = await findListing(deps.db, practiceId);
  return { listing: row ? presentListing(row) : null };
}

/** The owner lists the practice, or changes its listing. Admins and counsellors: 403. */
export async function putListing(deps: CounsellingDirectoryDeps, actor: Actor, practiceId: string, body: PutListingBody): Promise<PracticeListingResponse> {
  await requirePracticeRole(deps.db, actor, practiceId, ["owner"]);
  await upsertListing(deps.db, practiceId, body, nowOf(deps));
  return getListing(deps, actor, practiceId);
}

/** The owner takes the practice out of the directory. Open requests stay with the practice until answered or withdrawn. */
export async function removeListing(deps: CounsellingDirectoryDeps, actor: Actor, practiceId: string): Promise<void> {
  await requirePracticeRole(deps.db, actor, practiceId, ["owner"]);
  await deleteListing(deps.db, practiceId);
}

// ---- the person's side ----

export const counsellingRequestNoticeKind = "counselling-request-notice";

/** A neutral notice to one person about one request (decision 031's templates; no word of what it is about). */
async function notify(trx: Kysely<DB>, userId: string, requestId: string, cause: string, nowMs: number): Promise<void> {
  await enqueueNotice(
    trx,
    {
      userId,
      kind: counsellingRequestNoticeKind,
      dedupeKey: `${counsellingRequestNoticeKind}:${requestId}:${cause}:${userId}`,
      referenceId: requestId,
      dueAtMs: nowMs,
      expiresAtMs: nowMs + 7 * dayMs,
    },
    nowMs,
  );
}

/** The practice's owners and admins learn that a request waits in their intake list. */
async function notifyManagers(trx: Kysely<DB>, practiceId: string, requestId: string, nowMs: number): Promise<void> {
  for (const member of await listMembersByUser(trx, practiceId)) {
    if (member.role === "owner" || member.role === "admin") await notify(trx, member.userId, requestId, "sent", nowMs);
  }
}

async function readMine(db: Kysely<DB>, userId: string): Promise<MyCounsellingRequestsResponse> {
  return { requests: (await listRequestsOfPerson(db, userId)).map((row) => presentMyRequest(row, userId)) };
}

/** For the person's data export: every request they are part of, as they see it (decision 055); read in the caller's transaction. */
export async function listCounsellingRequestsForExport(db: Kysely<DB>, userId: string): Promise<MyCounsellingRequestsResponse["requests"]> {
  return (await readMine(db, userId)).requests;
}

/** My requests (and my partner's for both of us), newest first. */
export async function listMyRequests(deps: CounsellingDirectoryDeps, userId: string): Promise<MyCounsellingRequestsResponse> {
  return readMine(deps.db, userId);
}

/**
 * I ask a listed practice for counselling, for myself or with my partner, with the scopes I will
 * share once a counsellor accepts. A couple's request waits for the partner to confirm for
 * themselves; the practice sees nothing of it before. Limits: decision 055.
 */
export async function createRequest(
  deps: CounsellingDirectoryDeps,
  userId: string,
  body: CreateCounsellingRequestBody,
): Promise<MyCounsellingRequestsResponse> {
  const now = nowOf(deps);
  await deps.db.transaction().execute(async (trx) => {
    const listing = await findListing(trx, body.practiceId);
    const partnerId = body.kind === "couple" ? await findCurrentPartnerId(trx, userId) : null;
    const people = partnerId === null ? [userId] : [userId, partnerId];
    const relations = await Promise.all(people.map((person) => relationToPractice(trx, body.practiceId, person)));
    const open = await listOpenRequestsInvolving(trx, people);
    const refusal = decideNewRequest({
      listing,
      kind: body.kind,
      partnerId,
      relations: listing ? relations : [],
      openPracticeIds: open.map((row) => row.practice_id),
      openCount: open.filter((row) => row.requester_id === userId).length,
      todayCount: await countRequestsSince(trx, userId, now - dayMs),
      practiceId: body.practiceId,
    });
    if (refusal) throw refusal;
    const id = randomUUID();
    const message = body.message === undefined || body.message === "" ? null : body.message;
    await insertRequest(trx, {
      id,
      practiceId: body.practiceId,
      requesterId: userId,
      partnerId,
      kind: body.kind,
      message,
      scopes: orderScopes(body.scopes),
      status: partnerId === null ? "sent" : "awaiting-partner",
      now,
    });
    if (partnerId === null) await notifyManagers(trx, body.practiceId, id, now);
    else await notify(trx, partnerId, id, "partner", now);
  });
  return readMine(deps.db, userId);
}

/** The partner confirms a couple's request for themselves, with their own scopes; it then reaches the practice. */
export async function confirmRequest(
  deps: CounsellingDirectoryDeps,
  userId: string,
  requestId: string,
  scopes: readonly CounsellingScope[],
): Promise<MyCounsellingRequestsResponse> {
  const now = nowOf(deps);
  await deps.db.transaction().execute(async (trx) => {
    const row = await findRequest(trx, requestId);
    if (!row || roleIn(row, userId) !== "partner") throw requestNotFound();
    if (row.status !== "awaiting-partner") throw requestClosed();
    if ((await findCurrentPartnerId(trx, userId)) !== row.requesterId) throw conflict("NOT_PARTNER", "You are no longer linked with the person who asked.");
    const relation = await relationToPractice(trx, row.practiceId, userId);
    if (relation === "client") throw alreadyClient();
    if (relation === "member") throw conflict("OWN_PRACTICE", "You belong to this practice.");
    if (!(await updateRequest(trx, requestId, ["awaiting-partner"], { status: "sent", partner_scopes: orderScopes(scopes).join(",") }, now)))
      throw requestClosed();
    await notifyManagers(trx, row.practiceId, requestId, now);
  });
  return readMine(deps.db, userId);
}

/**
 * Either person ends an open request: the one who asked withdraws it; the partner declines it.
 * The practice keeps no access to it: it leaves their intake list at once.
 */
export async function withdrawRequest(deps: CounsellingDirectoryDeps, userId: string, requestId: string): Promise<MyCounsellingRequestsResponse> {
  const now = nowOf(deps);
  await deps.db.transaction().execute(async (trx) => {
    const row = await findRequest(trx, requestId);
    if (!row || roleIn(row, userId) === null) throw requestNotFound();
    if (!isOpen(row.status) || !(await updateRequest(trx, requestId, OPEN_STATUSES, { status: "withdrawn" }, now))) throw requestClosed();
    const other = roleIn(row, userId) === "requester" ? row.partnerId : row.requesterId;
    if (other !== null) await notify(trx, other, requestId, "withdrawn", now);
  });
  return readMine(deps.db, userId);
}

// ---- the practice's side ----

/** An open request of this practice, or 404 (another practice's, closed, or awaiting the partner). */
async function requireIntakeRequest(db: Kysely<DB>, practiceId: string, requestId: string): Promise<RequestRow> {
  const row = await findRequest(db, requestId);
  const status = row ? statusOf(row) : null;
  if (!row || row.practiceId !== practiceId || (status !== "sent" && status !== "assigned")) throw requestNotFound();
  return row;
}

/**
 * The practice's intake list: owners and admins see every open request; a counsellor, those
 * assigned to them. Two-step sign-in first. Each read is written to the people's "who viewed my
 * data" (scope counselling-request), in the read's transaction.
 */
export async function listIntakeRequests(deps: CounsellingDirectoryDeps, actor: Actor, practiceId: string): Promise<IntakeResponse> {
  const membership = await requirePracticeRole(deps.db, actor, practiceId, PRACTICE_ROLES);
  requireTwoFactor(actor);
  const now = nowOf(deps);
  return deps.db.transaction().execute(async (trx) => {
    const members = await listMembersByUser(trx, practiceId);
    const byUser = new Map(members.map((member) => [member.userId, member]));
    const rows = await listIntake(trx, practiceId, managesMembers(membership.role) ? null : actor.userId);
    const viewerName = byUser.get(actor.userId)?.name ?? "";
    await recordDataViews(
      trx,
      rows.flatMap((row) =>
        [row.requesterId, row.partnerId]
          .filter((id): id is string => id !== null)
          .map((ownerId) => ({
            ownerId,
            viewerId: actor.userId,
            viewerName,
            viewerRole: "counsellor" as const,
            scope: "counselling-request" as const,
            viewedAt: now,
          })),
      ),
    );
    return {
      requests: rows.map((row) => {
        const counsellor = row.counsellorId === null ? undefined : byUser.get(row.counsellorId);
        return presentIntake(row, counsellor ? { memberId: counsellor.memberId, name: counsellor.name } : null, row.counsellorId === actor.userId);
      }),
    };
  });
}

/** An owner or admin gives an open request to a member of the practice (any role), who then accepts or declines it. */
export async function assignIntakeRequest(
  deps: CounsellingDirectoryDeps,
  actor: Actor,
  practiceId: string,
  requestId: string,
  memberId: string,
): Promise<IntakeResponse> {
  await requirePracticeRole(deps.db, actor, practiceId, ["owner", "admin"]);
  requireTwoFactor(actor);
  const now = nowOf(deps);
  await deps.db.transaction().execute(async (trx) => {
    await requireIntakeRequest(trx, practiceId, requestId);
    const member = await findMemberById(trx, practiceId, memberId);
    if (!member)
      throw new DomainError(422, "NOT_A_MEMBER", "Choose a counsellor of this practice.", [{ path: "memberId", message: "not a member of this practice" }]);
    if (!(await updateRequest(trx, requestId, ["sent", "assigned"], { status: "assigned", counsellor_id: member.userId }, now))) throw requestClosed();
    if (member.userId !== actor.userId) await notify(trx, member.userId, requestId, `assigned-${now}`, now);
  });
  return listIntakeRequests(deps, actor, practiceId);
}

/**
 * The assigned counsellor accepts: each person becomes a member of one new client with exactly
 * the scopes they chose, by the same path an accepted invitation takes (`joinClient`).
 */
export async function acceptIntakeRequest(deps: CounsellingDirectoryDeps, actor: Actor, practiceId: string, requestId: string): Promise<IntakeResponse> {
  await requirePracticeRole(deps.db, actor, practiceId, PRACTICE_ROLES);
  requireTwoFactor(actor);
  const now = nowOf(deps);
  await deps.db.transaction().execute(async (trx) => {
    const row = await requireIntakeRequest(trx, practiceId, requestId);
    if (row.counsellorId !== actor.userId) throw new DomainError(403, "NOT_ASSIGNED", "Only the counsellor this request is assigned to can accept it.");
    if (!(await updateRequest(trx, requestId, ["assigned"], { status: "accepted" }, now))) throw requestClosed();
    const base = { practiceId, counsellorId: actor.userId, kind: row.kind, now };
    if (row.kind === "couple") {
      if (row.partnerId === null || row.partnerScopes === null || (await findCurrentPartnerId(trx, row.requesterId)) !== row.partnerId) {
        throw conflict("NOT_PARTNER", "These two people are no longer linked as a couple in Mutual, so this couple request cannot be accepted.");
      }
      const clientId = await joinClient(trx, { ...base, clientId: null, userId: row.requesterId, scopes: row.requesterScopes });
      await joinClient(trx, { ...base, clientId, userId: row.partnerId, scopes: row.partnerScopes });
    } else {
      await joinClient(trx, { ...base, clientId: null, userId: row.requesterId, scopes: row.requesterScopes });
    }
    for (const person of [row.requesterId, row.partnerId]) if (person !== null) await notify(trx, person, requestId, "accepted", now);
  });
  return listIntakeRequests(deps, actor, practiceId);
}

/** The assigned counsellor, or an owner or admin, declines with a kind message the person reads. */
export async function declineIntakeRequest(
  deps: CounsellingDirectoryDeps,
  actor: Actor,
  practiceId: string,
  requestId: string,
  message: string,
): Promise<IntakeResponse> {
  const membership = await requirePracticeRole(deps.db, actor, practiceId, PRACTICE_ROLES);
  requireTwoFactor(actor);
  const now = nowOf(deps);
  await deps.db.transaction().execute(async (trx) => {
    const row = await requireIntakeRequest(trx, practiceId, requestId);
    if (row.counsellorId !== actor.userId && !managesMembers(membership.role)) {
      throw new DomainError(403, "NOT_ASSIGNED", "Only the counsellor this request is assigned to, or an owner or admin, can decline it.");
    }
    if (!(await updateRequest(trx, requestId, ["sent", "assigned"], { status: "declined", decline_message: message }, now))) throw requestClosed();
    for (const person of [row.requesterId, row.partnerId]) if (person !== null) await notify(trx, person, requestId, "declined", now);
  });
  return listIntakeRequests(deps, actor, practiceId);
}

/** Someone left the practice (removed, or left): requests assigned to them go back to its intake list. */
export async function unassignOnLeavingPractice(deps: CounsellingDirectoryDeps, practiceId: string, userId: string): Promise<void> {
  await unassignCounsellor(deps.db, practiceId, userId, nowOf(deps));
}

/** The notice: sent only while the request still exists; its words never say what it is about. */
function noticeRenderer(publicUrl: string): OutboxRenderer {
  return async (db, message, _nowMs, language) => {
    if (message.referenceId === null || !(await findRequest(db, message.referenceId))) return null;
    return requestNoticeEmail({ openUrl: `${publicUrl.replace(/\/+$/, "")}/`, isReminder: false, language });
  };
}

/** What the outbox needs to deliver the notices of requests for counselling. */
export function counsellingRequestOutboxHandlers(options: { publicUrl: string }): OutboxHandlers {
  return { producers: [], renderers: { [counsellingRequestNoticeKind]: noticeRenderer(options.publicUrl) } };
}
