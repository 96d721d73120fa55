import { randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import {
  PRACTICE_ROLES,
  type ClientInviteLookupResponse,
  type ClientInvitesResponse,
  type ClientKind,
  type CounsellingRelationsResponse,
  type CounsellingScope,
  type CreateClientInviteResponse,
  type PageCursor,
  type PageQuery,
  type PracticeClientsResponse,
  formatPageCursor,
} from "@mutual/core";
import type { DB } from "../../db/schema.js";
import { notFound } from "../../domain/errors.js";
import type { Actor } from "../../domain/actor.js";
import type { Clock } from "../../platform/clock.js";
import type { InviteCodeHasher } from "../../platform/invite-codes.js";
import { refreshClientSummariesOfClient, refreshClientSummaryOfMember } from "../client-summary/index.js";
import { findCurrentPartnerId } from "../couple/index.js";
import { requirePracticeRole, requireTwoFactor } from "../practice/index.js";
import {
  alreadyClient,
  decideCoupleAccept,
  inviteNotFound,
  orderScopes,
  requireClientMember,
  requireNotOwnInvite,
  type ClientInviteRecord,
} from "./counselling.policy.js";
import { presentClientInvites, presentClients, presentCreatedInvite, presentLookup, presentRelations } from "./counselling.presenter.js";
import {
  cancelClientInvite,
  endCounsellorInPractice,
  findInviteByHash,
  findMember,
  insertClient,
  insertClientInvite,
  insertMember,
  isClientOfPractice,
  listClientIdsOfMember,
  listClientsOf,
  listMemberIds,
  listOpenInvites,
  listRelationsForExport,
  listRelationsOf,
  lockInvite,
  markInviteAccepted,
  removeMember,
  replaceConsents,
} from "./counselling.repository.js";
import {
  againOnUniqueViolation,
  asThrottledAttempt,
  canonicalCodeOrFail,
  drawInviteCode,
  inviteExpiresAt,
  isInviteOpen,
  isUniqueViolation,
  type FailAttempt,
} from "../invite-codes/index.js";

export type CounsellingDeps = { db: Kysely<DB>; clock: Clock; hashCode: InviteCodeHasher };

const nowOf = (deps: CounsellingDeps) => deps.clock.now().getTime();

async function readRelations(db: Kysely<DB>, userId: string): Promise<CounsellingRelationsResponse> {
  const relations = await listRelationsOf(db, userId);
  return presentRelations(relations.map((relation) => ({ ...relation, scopes: orderScopes(relation.scopes) })));
}

// ---- the client's side ----

/** My counsellors: one relation per practice I share with, and what I share in each. */
export async function getMyCounselling(deps: CounsellingDeps, userId: string): Promise<CounsellingRelationsResponse> {
  return readRelations(deps.db, userId);
}

/** The invite a code names; a code of the wrong shape is a failed attempt (400). */
async function findInviteForCode(deps: CounsellingDeps, input: string, fail: FailAttempt): Promise<ClientInviteRecord | null> {
  return findInviteByHash(deps.db, deps.hashCode(canonicalCodeOrFail(input, fail)));
}

/** Whether the inviting counsellor still belongs to the practice: an invite from someone who left does not work. */
async function isCounsellorStillMember(db: Kysely<DB>, invite: ClientInviteRecord): Promise<boolean> {
  try {
    await requirePracticeRole(db, { userId: invite.counsellorId }, invite.practiceId, PRACTICE_ROLES);
    return true;
  } catch {
    return false;
  }
}

/** I already accepted this invite (a reload of the join page, a retried accept). */
async function hasAcceptedAlready(db: Kysely<DB>, invite: ClientInviteRecord, userId: string): Promise<boolean> {
  return invite.clientId !== null && (await findMember(db, invite.clientId, userId)) !== null;
}

/** Who invites me (practice, counsellor) and for which kind of client, so I can check before accepting. */
export async function lookupClientInvite(deps: CounsellingDeps, userId: string, input: string): Promise<ClientInviteLookupResponse> {
  const now = nowOf(deps);
  return asThrottledAttempt(deps.db, userId, now, async (fail) => {
    const invite = await findInviteForCode(deps, input, fail);
    if (invite && (await hasAcceptedAlready(deps.db, invite, userId))) throw inviteNotFound();
    if (!invite || !isInviteOpen(invite, now) || !(await isCounsellorStillMember(deps.db, invite))) return fail(inviteNotFound());
    requireNotOwnInvite(invite, userId);
    return presentLookup(invite);
  });
}

/**
 * Accepts a client invite with the scopes I choose. In one transaction, with the invite's row
 * locked: an individual invite makes the client and closes; a couple invite's first acceptor
 * (linked with a partner) makes the client and leaves it open for the partner; the second must
 * be that first acceptor's current partner, and closes it. Nothing is shared before this.
 */
export async function acceptClientInvite(
  deps: CounsellingDeps,
  userId: string,
  input: string,
  scopes: readonly CounsellingScope[],
): Promise<CounsellingRelationsResponse> {
  const now = nowOf(deps);
  return asThrottledAttempt(deps.db, userId, now, async (fail) => {
    const found = await findInviteForCode(deps, input, fail);
    if (found && (await hasAcceptedAlready(deps.db, found, userId))) return readRelations(deps.db, userId);
    if (!found || !isInviteOpen(found, now) || !(await isCounsellorStillMember(deps.db, found))) return fail(inviteNotFound());
    requireNotOwnInvite(found, userId);
    try {
      await deps.db.transaction().execute(async (trx) => {
        const invite = await lockInvite(trx, found.id);
        if (!invite || !isInviteOpen(invite, now)) throw inviteNotFound();
        if (await isClientOfPractice(trx, invite.practiceId, userId)) throw alreadyClient();
        let clientId = invite.clientId;
        let isUsedUp = invite.kind === "individual";
        if (invite.kind === "couple") {
          const memberIds = clientId === null ? [] : await listMemberIds(trx, clientId);
          const decision = decideCoupleAccept({ userId, partnerId: await findCurrentPartnerId(trx, userId), memberIds });
          if (!decision.ok) throw decision.error;
          isUsedUp = !decision.isFirst;
          if (decision.isFirst) clientId = null;
        }
        const joined = await joinClient(trx, {
          clientId,
          practiceId: invite.practiceId,
          counsellorId: invite.counsellorId,
          kind: invite.kind,
          userId,
          scopes,
          now,
        });
        await markInviteAccepted(trx, { inviteId: invite.id, clientId: joined, isUsedUp, now });
      });
    } catch (error) {
      // Another accept of mine into this practice committed at the same moment.
      if (isUniqueViolation(error)) throw alreadyClient();
      throw error;
    }
    return readRelations(deps.db, userId);
  });
}

/**
 * The one way a person becomes a client (an accepted invitation, or an accepted request for
 * counselling): a member of the client with exactly the scopes they chose, the client made first
 * when `clientId` is null. In the caller's transaction; 409 ALREADY_CLIENT when they already are one in the practice.
 */
export async function joinClient(
  trx: Kysely<DB>,
  input: {
    clientId: string | null;
    practiceId: string;
    counsellorId: string;
    kind: ClientKind;
    userId: string;
    scopes: readonly CounsellingScope[];
    now: number;
  },
): Promise<string> {
  const { practiceId, userId, now } = input;
  if (await isClientOfPractice(trx, practiceId, userId)) throw alreadyClient();
  let clientId = input.clientId;
  if (clientId === null) {
    clientId = randomUUID();
    await insertClient(trx, { id: clientId, practiceId, counsellorId: input.counsellorId, kind: input.kind, now });
  }
  await insertMember(trx, { clientId, practiceId, userId, now });
  await replaceConsents(trx, { clientId, userId, scopes: orderScopes(input.scopes), now });
  // The whole client: who joined first decides the order of a couple's names (decision 018).
  await refreshClientSummariesOfClient(trx, clientId);
  return clientId;
}

/** What I share with this counsellor from now on (the whole set). Their next request sees it: nothing is cached. */
export async function putMyScopes(
  deps: CounsellingDeps,
  userId: string,
  clientId: string,
  scopes: readonly CounsellingScope[],
): Promise<CounsellingRelationsResponse> {
  const now = nowOf(deps);
  await deps.db.transaction().execute(async (trx) => {
    requireClientMember(await findMember(trx, clientId, userId));
    await replaceConsents(trx, { clientId, userId, scopes: orderScopes(scopes), now });
    // The counsellor's dashboard filters and counts by the summary row: it changes with the scopes, in this transaction.
    await refreshClientSummaryOfMember(trx, clientId, userId);
  });
  return readRelations(deps.db, userId);
}

/** I stop sharing with this practice: my consents and my place in the client end at once. Nothing to do when I am not its client. */
export async function stopSharing(deps: CounsellingDeps, userId: string, clientId: string): Promise<void> {
  const now = nowOf(deps);
  await deps.db.transaction().execute(async (trx) => {
    if (!(await findMember(trx, clientId, userId))) return;
    await removeMember(trx, clientId, userId, now);
    // A partner who stays is now the client's first member (decision 018).
    await refreshClientSummariesOfClient(trx, clientId);
  });
}

// ---- the counsellor's side ----

/** A new client invite (its code is shown once); whoever makes it becomes the client's counsellor. Any member may. */
export async function createClientInvite(deps: CounsellingDeps, actor: Actor, practiceId: string, kind: ClientKind): Promise<CreateClientInviteResponse> {
  await requirePracticeRole(deps.db, actor, practiceId, PRACTICE_ROLES);
  const now = nowOf(deps);
  return againOnUniqueViolation(async () => {
    const { code, codeHash } = drawInviteCode(deps.hashCode);
    const id = randomUUID();
    await insertClientInvite(deps.db, { id, practiceId, counsellorId: actor.userId, kind, codeHash, createdAt: now, expiresAt: inviteExpiresAt(now) });
    return presentCreatedInvite({ id, code, kind, createdAt: now, expiresAt: inviteExpiresAt(now) });
  });
}

/** One page of my client invites in this practice that can still be accepted (never their codes). */
export async function listMyClientInvites(deps: CounsellingDeps, actor: Actor, practiceId: string, page: PageQuery): Promise<ClientInvitesResponse> {
  await requirePracticeRole(deps.db, actor, practiceId, PRACTICE_ROLES);
  const rows = await listOpenInvites(deps.db, { practiceId, counsellorId: actor.userId, now: nowOf(deps), cursor: page.cursor, limit: page.limit });
  return presentClientInvites(pageOf(rows, page.limit, (invite) => ({ at: invite.createdAt, id: invite.id })));
}

/** Cancels one of my pending client invites; someone else's, or one no longer pending, is not found. */
export async function cancelMyClientInvite(deps: CounsellingDeps, actor: Actor, practiceId: string, inviteId: string): Promise<void> {
  await requirePracticeRole(deps.db, actor, practiceId, PRACTICE_ROLES);
  if (!(await cancelClientInvite(deps.db, { inviteId, practiceId, counsellorId: actor.userId, now: nowOf(deps) }))) throw notFound();
}

/** A page from `limit + 1` rows read: the extra row only says that another page follows, from the last row kept. */
function pageOf<Row>(rows: readonly Row[], limit: number, keyOf: (row: Row) => PageCursor): { rows: Row[]; nextCursor: string | null } {
  const kept = rows.slice(0, limit);
  const last = kept.at(-1);
  return { rows: kept, nextCursor: rows.length > limit && last !== undefined ? formatPageCursor(keyOf(last)) : null };
}

/**
 * One page of my clients in this practice: who accepted, when, and what each shares with me right now.
 * Members only (404 otherwise), with two-step sign-in on (403), and only the clients I counsel:
 * an owner or admin sees no one else's.
 */
export async function listMyClients(deps: CounsellingDeps, actor: Actor, practiceId: string, page: PageQuery): Promise<PracticeClientsResponse> {
  await requirePracticeRole(deps.db, actor, practiceId, PRACTICE_ROLES);
  requireTwoFactor(actor);
  const clients = await listClientsOf(deps.db, { practiceId, counsellorId: actor.userId, cursor: page.cursor, limit: page.limit });
  const { rows, nextCursor } = pageOf(clients, page.limit, (client) => ({ at: client.createdAt, id: client.clientId }));
  return presentClients({
    rows: rows.map((client) => ({ ...client, members: client.members.map((member) => ({ ...member, scopes: orderScopes(member.scopes) })) })),
    nextCursor,
  });
}

/**
 * Someone stopped being a member of a practice (removed, or left): as their clients' counsellor
 * there, every relation ends with its consents and their open invites are cancelled, so being
 * invited back later shows no former client without a new consent (decision 015).
 */
export async function endRelationsOnLeavingPractice(deps: Pick<CounsellingDeps, "db" | "clock">, practiceId: string, userId: string): Promise<void> {
  await deps.db.transaction().execute(async (trx) => endCounsellorInPractice(trx, practiceId, userId, deps.clock.now().getTime()));
}

/**
 * Before a person's account goes: they stop being each client they belong to, as if they had
 * stopped sharing, so a client left with nobody goes with its pending couple invite.
 */
export async function leaveCounsellingBeforeAccountDeletion(deps: Pick<CounsellingDeps, "db" | "clock">, userId: string): Promise<void> {
  const now = deps.clock.now().getTime();
  await deps.db.transaction().execute(async (trx) => {
    // In one sorted order, as every summary refresh locks (decision 018).
    for (const clientId of [...(await listClientIdsOfMember(trx, userId))].sort()) {
      await removeMember(trx, clientId, userId, now);
      await refreshClientSummariesOfClient(trx, clientId);
    }
  });
}

/** The person's counselling relations for their own data export (decision 015); read in the caller's transaction. */
export async function listCounsellingForExport(db: Kysely<DB>, userId: string) {
  const relations = await listRelationsForExport(db, userId);
  // Scopes in their usual order, so two exports of the same relations read the same.
  return relations.map((relation) => {
    const order = orderScopes(relation.scopes.map((entry) => entry.scope));
    return { ...relation, scopes: [...relation.scopes].sort((a, b) => order.indexOf(a.scope) - order.indexOf(b.scope)) };
  });
}
