import { randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import {
  DEFAULT_REQUEST_EXPIRY_DAYS,
  PRACTICE_ROLES,
  type CounsellorRequestsResponse,
  type DataExport,
  type CreateClientRequestBody,
  type OpenRequestsResponse,
  type Language,
} from "@mutual/core";
import type { DB } from "../../db/schema.js";
import { badRequest, conflict, notFound } from "../../domain/errors.js";
import type { Actor } from "../../domain/actor.js";
import type { Clock } from "../../platform/clock.js";
import { emailSubjectsIn, requestNoticeEmail } from "../../platform/email-templates.js";
import { cancelPendingNotices, enqueueNotice, type OutboxHandlers, type OutboxRenderer, type PushNotice } from "../outbox/index.js";
import { requirePracticeRole, requireTwoFactor } from "../practice/index.js";
import { countDevices } from "../push/index.js";
import { noticeChannelOf, outOfQuietHours } from "../reminders/index.js";
import { scopeNeededFor, statusOf, timesOf } from "./client-requests.policy.js";
import {
  findLatestDoings,
  findRequestOf,
  insertRequest,
  isClientOfCounsellor,
  listMembersSharing,
  listOpenRequestsOf,
  listRequestsOfClient,
  listRequestsOfPerson,
  markDeclined,
} from "./client-requests.repository.js";

export type ClientRequestsDeps = { db: Kysely<DB>; clock: Clock };

export const requestNoticeKind = "request-notice";
export const requestReminderKind = "request-reminder";
/** The same notice and reminder for the client's devices (decision 071): rows of their own, so each channel goes once and retries alone. */
export const requestNoticePushKind = "request-notice-push";
export const requestReminderPushKind = "request-reminder-push";
const requestKinds = [requestNoticeKind, requestReminderKind, requestNoticePushKind, requestReminderPushKind];
/** A notice of a request that never expires stops being worth sending after a week. */
const noticeLifetimeMs = 7 * 86_400_000;

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

/** Practice member with two-step sign-in, and this client is theirs in this practice; else 403/404. */
async function requireOwnClient(db: Kysely<DB>, actor: Actor, practiceId: string, clientId: string): Promise<void> {
  await requirePracticeRole(db, actor, practiceId, PRACTICE_ROLES);
  requireTwoFactor(actor);
  if (!(await isClientOfCounsellor(db, practiceId, clientId, actor.userId))) throw notFound("No such client.");
}

/**
 * The counsellor asks each member of their client who shares what the request needs (check-ins for
 * a check-in, the profile for a retake). Each request and its notices (one now, one reminder before
 * it expires) are written in one transaction, so a notice exists exactly when its request does.
 */
export async function createClientRequests(
  deps: ClientRequestsDeps,
  actor: Actor,
  practiceId: string,
  clientId: string,
  body: CreateClientRequestBody,
): Promise<CounsellorRequestsResponse> {
  await requireOwnClient(deps.db, actor, practiceId, clientId);
  const expiresInDays = body.expiresInDays === undefined ? DEFAULT_REQUEST_EXPIRY_DAYS : body.expiresInDays;
  if (typeof body.remindAfterDays === "number" && expiresInDays !== null && body.remindAfterDays >= expiresInDays) {
    throw badRequest("REMINDER_AFTER_EXPIRY", "The reminder must come before the request expires.", [
      { path: "remindAfterDays", message: "must be fewer days than expiresInDays" },
    ]);
  }
  const nowMs = deps.clock.now().getTime();
  const { expiresAtMs, reminderAtMs } = timesOf(body, nowMs);
  await deps.db.transaction().execute(async (trx) => {
    const members = await listMembersSharing(trx, clientId, scopeNeededFor(body.kind));
    if (members.length === 0) throw conflict("NOT_SHARED", "This client does not share that with you, so you cannot ask for it.");
    for (const userId of members) {
      const id = randomUUID();
      await insertRequest(trx, {
        id,
        clientId,
        practiceId,
        counsellorId: actor.userId,
        userId,
        kind: body.kind,
        createdAtMs: nowMs,
        expiresAtMs,
        reminderAtMs,
      });
      // Both wait out the client's quiet hours, if they set any. One row per channel: which of
      // them goes is decided when sending, by the channel the client has chosen then.
      const noticeAtMs = await outOfQuietHours(trx, userId, nowMs);
      const noticeEnd = Math.min(expiresAtMs ?? Number.MAX_SAFE_INTEGER, noticeAtMs + noticeLifetimeMs);
      for (const kind of [requestNoticeKind, requestNoticePushKind]) {
        await enqueueNotice(trx, { userId, kind, dedupeKey: `${kind}:${id}`, referenceId: id, dueAtMs: noticeAtMs, expiresAtMs: noticeEnd }, nowMs);
      }
      if (reminderAtMs !== null) {
        const remindAtMs = await outOfQuietHours(trx, userId, reminderAtMs);
        const reminderEnd = Math.min(expiresAtMs ?? Number.MAX_SAFE_INTEGER, remindAtMs + noticeLifetimeMs);
        for (const kind of [requestReminderKind, requestReminderPushKind]) {
          await enqueueNotice(trx, { userId, kind, dedupeKey: `${kind}:${id}`, referenceId: id, dueAtMs: remindAtMs, expiresAtMs: reminderEnd }, nowMs);
        }
      }
    }
  });
  return listCounsellorRequests(deps, actor, practiceId, clientId);
}

/** Every request this counsellor made of this client, with where each stands now. */
export async function listCounsellorRequests(
  deps: ClientRequestsDeps,
  actor: Actor,
  practiceId: string,
  clientId: string,
): Promise<CounsellorRequestsResponse> {
  await requireOwnClient(deps.db, actor, practiceId, clientId);
  const nowMs = deps.clock.now().getTime();
  const rows = await listRequestsOfClient(deps.db, clientId, actor.userId);
  const doings = new Map<string, Awaited<ReturnType<typeof findLatestDoings>>>();
  for (const userId of new Set(rows.map((row) => row.userId))) doings.set(userId, await findLatestDoings(deps.db, userId));
  return {
    requests: rows.map((row) => ({
      id: row.id,
      kind: row.kind,
      memberName: row.memberName,
      status: statusOf(row, doings.get(row.userId) ?? { checkInAtMs: null, profileAtMs: null }, nowMs),
      createdAt: new Date(row.createdAtMs).toISOString(),
      expiresAt: iso(row.expiresAtMs),
    })),
  };
}

/** The caller's open requests (not done, declined or expired), newest first. */
export async function listMyOpenRequests(deps: ClientRequestsDeps, userId: string): Promise<OpenRequestsResponse> {
  const nowMs = deps.clock.now().getTime();
  const doings = await findLatestDoings(deps.db, userId);
  const rows = (await listOpenRequestsOf(deps.db, userId)).filter((row) => statusOf(row, doings, nowMs) === "open");
  return {
    requests: rows.map((row) => ({
      id: row.id,
      kind: row.kind,
      counsellorName: row.counsellorName,
      createdAt: new Date(row.createdAtMs).toISOString(),
      expiresAt: iso(row.expiresAtMs),
    })),
  };
}

/** The client says no to one open request of theirs; its reminder is cancelled with it. 404 for anyone else's or one no longer open. */
export async function declineRequest(deps: ClientRequestsDeps, userId: string, requestId: string): Promise<void> {
  const nowMs = deps.clock.now().getTime();
  await deps.db.transaction().execute(async (trx) => {
    const request = await findRequestOf(trx, requestId, userId);
    if (!request || statusOf(request, await findLatestDoings(trx, userId), nowMs) !== "open") throw notFound("No such open request.");
    await markDeclined(trx, requestId, userId, nowMs);
    await cancelPendingNotices(trx, userId, requestKinds, nowMs, requestId);
  });
}

/** Whether a request is still worth a notice: open, and the person still that client's member. */
async function isStillOpen(db: Kysely<DB>, requestId: string | null, userId: string, nowMs: number): Promise<boolean> {
  if (requestId === null) return false;
  const request = await findRequestOf(db, requestId, userId);
  return request !== undefined && statusOf(request, await findLatestDoings(db, userId), nowMs) === "open";
}

/**
 * A request's email, decided when it is sent: only while the request is open, and when the client
 * chose email (or both) for their notices; also when they chose push alone but have no device
 * left to take it, so that a request never reaches nobody.
 */
function requestEmailRenderer(isReminder: boolean, publicUrl: string): OutboxRenderer {
  return async (db, message, nowMs, language) => {
    if (!(await isStillOpen(db, message.referenceId, message.userId, nowMs))) return null;
    if ((await noticeChannelOf(db, message.userId)) === "push" && (await countDevices(db, message.userId)) > 0) return null;
    return requestNoticeEmail({ openUrl: `${publicUrl.replace(/\/+$/, "")}/`, isReminder, language });
  };
}

/** What a request's push says: the email's neutral subject in the person's language and a link to the home page, nothing more (decision 071). */
export function requestPushNotice(isReminder: boolean, language: Language = "en"): PushNotice {
  const subjects = emailSubjectsIn(language);
  return { push: { title: isReminder ? subjects.requestReminder : subjects.requestNotice, url: "/", lang: language } };
}

/** A request's push to the client's devices, decided when it is sent: only while the request is open, and when they chose push (or both). */
function requestPushRenderer(isReminder: boolean): OutboxRenderer {
  return async (db, message, nowMs, language) => {
    if (!(await isStillOpen(db, message.referenceId, message.userId, nowMs))) return null;
    if ((await noticeChannelOf(db, message.userId)) === "email") return null;
    return requestPushNotice(isReminder, language);
  };
}

/** What the outbox needs to deliver requests' notices, by email and to devices. */
export function requestOutboxHandlers(options: { publicUrl: string }): OutboxHandlers {
  return {
    producers: [],
    renderers: {
      [requestNoticeKind]: requestEmailRenderer(false, options.publicUrl),
      [requestReminderKind]: requestEmailRenderer(true, options.publicUrl),
      [requestNoticePushKind]: requestPushRenderer(false),
      [requestReminderPushKind]: requestPushRenderer(true),
    },
  };
}

/** For the person's data export: every request made of them and where it stands. */
export async function listRequestsForExport(db: Kysely<DB>, userId: string, nowMs: number): Promise<DataExport["counsellorRequests"]> {
  const doings = await findLatestDoings(db, userId);
  return (await listRequestsOfPerson(db, userId)).map((row) => ({
    kind: row.kind,
    counsellorName: row.counsellorName,
    status: statusOf(row, doings, nowMs),
    createdAt: new Date(row.createdAtMs).toISOString(),
    expiresAt: iso(row.expiresAtMs),
  }));
}
