import { randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import {
  INTERDEPENDENCE_PROFILE_V1,
  compareCouple,
  normalizeInviteCode,
  pickSharedScores,
  type CoupleReportResponse,
  type CoupleStateResponse,
  type CreateInviteResponse,
  type InviteLookupResponse,
  type PartnerCheckInsResponse,
  type PartnerExercisesResponse,
  type Language,
  type ShareScope,
} from "@mutual/core";
import type { DB } from "../../db/schema.js";
import type { Clock } from "../../platform/clock.js";
import { getLatestScoredProfile, getOwnLatestScoredProfile, hasCompletedProfile } from "../assessment/index.js";
import { listCheckInTrendsOf } from "../check-in/index.js";
import { recordDataViews, forgetViewer } from "../data-views/index.js";
import { listCompletedExercisesOf } from "../exercises/index.js";
import {
  alreadyLinked,
  inviteNotFound,
  isReportReady,
  orderScopes,
  profileShareChoice,
  reportMissing,
  reportScopesCarried,
  sharesProfile,
  requireLinkedForRead,
  requireLinkedForWrite,
  requireNotOwnInvite,
  requireShared,
  type InviteRecord,
  type Membership,
} from "./couple.policy.js";
import {
  presentCreatedInvite,
  presentLookup,
  presentMapPoint,
  presentPartnerCheckIns,
  presentPartnerExercises,
  presentReport,
  presentState,
} from "./couple.presenter.js";
import {
  cancelInvite as cancelOneInvite,
  cancelPendingInvite,
  closeOrphanedMembership,
  endCouple,
  findActiveMembership,
  findInviteByHash,
  findLastLeftAt,
  findPendingInvite,
  insertCouple,
  insertInvite,
  listShares,
  listSharesOf,
  lockActiveCouple,
  markInviteAccepted,
  replaceShares,
  withdrawClaim,
} from "./couple.repository.js";
import type { InviteCodeHasher } from "../../platform/invite-codes.js";
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

export type CoupleDeps = { db: Kysely<DB>; clock: Clock; hashCode: InviteCodeHasher };

/** The viewer as the audit trail records them (the name is a snapshot). */
export type Viewer = { userId: string; name: string };

const nowOf = (deps: CoupleDeps) => deps.clock.now().getTime();

/** PostgreSQL gave up one of two transactions that waited on each other: safe to run it again. */
function isRetryableConflict(error: unknown): boolean {
  const code = typeof error === "object" && error !== null ? (error as { code?: unknown }).code : undefined;
  return code === "40P01" || code === "40001";
}

async function retryOnConflict<T>(work: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await work();
    } catch (error) {
      if (attempt >= 3 || !isRetryableConflict(error)) throw error;
    }
  }
}

function scopesOf(shares: ReadonlyArray<{ ownerId: string; scope: ShareScope }>, ownerId: string): ShareScope[] {
  return orderScopes(shares.filter((share) => share.ownerId === ownerId).map((share) => share.scope));
}

async function readState(db: Kysely<DB>, userId: string, now: number): Promise<CoupleStateResponse> {
  const [pending, membership] = await Promise.all([findPendingInvite(db, userId), findActiveMembership(db, userId)]);
  const invite = pending && isInviteOpen({ status: "pending", expiresAt: pending.expiresAt }, now) ? pending : null;
  if (!membership) return presentState({ invite, couple: null, lastEndedAt: await findLastLeftAt(db, userId) });
  const shares = await listShares(db, membership.coupleId);
  return presentState({
    invite,
    couple: {
      since: membership.since,
      partnerName: membership.partnerName,
      myScopes: scopesOf(shares, userId),
      partnerScopes: scopesOf(shares, membership.partnerId),
    },
    lastEndedAt: null,
  });
}

/** My invite, my couple (with what each of us shares) and when my last link ended. */
export async function getCoupleState(deps: CoupleDeps, userId: string): Promise<CoupleStateResponse> {
  return readState(deps.db, userId, nowOf(deps));
}

/** A new invite (its code is shown once); it replaces my earlier pending one. 409 when I am linked. */
export async function createInvite(deps: CoupleDeps, userId: string): Promise<CreateInviteResponse> {
  const now = nowOf(deps);
  const attempt = async () => {
    const { code, codeHash } = drawInviteCode(deps.hashCode);
    await deps.db.transaction().execute(async (trx) => {
      if (await findActiveMembership(trx, userId)) throw alreadyLinked();
      await cancelPendingInvite(trx, userId, now);
      await insertInvite(trx, { id: randomUUID(), inviterId: userId, codeHash, createdAt: now, expiresAt: inviteExpiresAt(now) });
    });
    return presentCreatedInvite(code, now, inviteExpiresAt(now));
  };
  // Two devices inviting at once: one insert loses on "one pending invite"; it tries again, replacing the winner's.
  return againOnUniqueViolation(() => retryOnConflict(attempt));
}

export async function cancelInvite(deps: CoupleDeps, userId: string): Promise<void> {
  await cancelPendingInvite(deps.db, userId, nowOf(deps));
}

/** The invite a code names; a code of the wrong shape is a failed attempt (400). */
async function findInviteForCode(deps: CoupleDeps, input: string, fail: FailAttempt): Promise<InviteRecord | null> {
  return findInviteByHash(deps.db, deps.hashCode(canonicalCodeOrFail(input, fail)));
}

/**
 * An open invite whose inviter has meanwhile linked with someone else cannot be accepted: it is
 * cancelled, and the person gets the same answer as for any unusable code, so nothing tells them
 * whether the inviter has a partner now.
 */
async function requireInviterFree(deps: CoupleDeps, invite: InviteRecord, now: number): Promise<void> {
  if (!(await findActiveMembership(deps.db, invite.inviterId))) return;
  await cancelOneInvite(deps.db, invite.id, now);
  throw inviteNotFound();
}

/** Who sent this code, so the person can check before accepting. */
export async function lookupInvite(deps: CoupleDeps, userId: string, input: string): Promise<InviteLookupResponse> {
  const now = nowOf(deps);
  return asThrottledAttempt(deps.db, userId, now, async (fail) => {
    const invite = await findInviteForCode(deps, input, fail);
    // The invite I accepted myself (a reload of the join page): no longer usable, but no failed guess either.
    if (invite?.status === "accepted" && invite.acceptedBy === userId) throw inviteNotFound();
    if (!invite || !isInviteOpen(invite, now)) return fail(inviteNotFound());
    requireNotOwnInvite(invite, userId);
    await requireInviterFree(deps, invite, now);
    return presentLookup(invite.inviterName, invite.expiresAt);
  });
}

/**
 * The inviter's name for an invite link opened by someone not signed in (decision 058), or null
 * for any code that would not work now. Reads only: nothing is counted or cancelled here (the
 * caller throttles by address), so a look cannot change what the inviter sees.
 */
export async function previewPartnerInvite(deps: CoupleDeps, input: string): Promise<{ inviterName: string } | null> {
  const code = normalizeInviteCode(input);
  if (code === undefined) return null;
  const invite = await findInviteByHash(deps.db, deps.hashCode(code));
  if (!invite || !isInviteOpen(invite, nowOf(deps))) return null;
  if (await findActiveMembership(deps.db, invite.inviterId)) return null;
  return { inviterName: invite.inviterName };
}

/**
 * Accepts an invite: the invite closes (only if still pending: a conditional update) and the
 * couple with both members is created in one transaction. The database's "one active couple per
 * person" index decides races. ALREADY_LINKED (409) is about me only: an inviter who has linked
 * with someone else since makes their invite unusable (cancelled, 404) and no more. My own
 * pending invite is cancelled.
 */
export async function acceptInvite(deps: CoupleDeps, userId: string, input: string): Promise<CoupleStateResponse> {
  const now = nowOf(deps);
  return asThrottledAttempt(deps.db, userId, now, async (fail) => {
    const invite = await findInviteForCode(deps, input, fail);
    if (invite && invite.status === "accepted" && invite.acceptedBy === userId) {
      // A retry of an accept that went through: harmless while the link it made stands.
      const membership = await findActiveMembership(deps.db, userId);
      if (membership?.partnerId === invite.inviterId) return readState(deps.db, userId, now);
    }
    if (!invite || !isInviteOpen(invite, now)) return fail(inviteNotFound());
    requireNotOwnInvite(invite, userId);
    let inviterTaken = false;
    try {
      await retryOnConflict(() =>
        deps.db.transaction().execute(async (trx) => {
          inviterTaken = false;
          for (const person of [userId, invite.inviterId]) await closeOrphanedMembership(trx, person, now);
          // Claim the invite first: its row lock orders two people racing for one code, and the
          // loser then sees it used (404) whatever the timing, on either database.
          if (!(await markInviteAccepted(trx, invite.id, userId, now))) throw inviteNotFound();
          if (await findActiveMembership(trx, userId)) throw alreadyLinked();
          if (await findActiveMembership(trx, invite.inviterId)) {
            // Undo the claim: the invite ends cancelled, not accepted, and no couple is made.
            await withdrawClaim(trx, invite.id);
            inviterTaken = true;
            return;
          }
          await insertCouple(trx, { id: randomUUID(), memberIds: [invite.inviterId, userId], now });
          await cancelPendingInvite(trx, userId, now);
        }),
      );
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      // A link made at the same moment: mine → 409; the inviter's → their invite is no longer usable.
      if (await findActiveMembership(deps.db, userId)) throw alreadyLinked();
      await requireInviterFree(deps, invite, now);
      throw inviteNotFound();
    }
    if (inviterTaken) throw inviteNotFound();
    return readState(deps.db, userId, now);
  });
}

/** What I share from now on (the whole set). Takes effect on the very next request: nothing is cached. */
export async function putShares(deps: CoupleDeps, userId: string, scopes: readonly ShareScope[]): Promise<CoupleStateResponse> {
  const now = nowOf(deps);
  await deps.db.transaction().execute(async (trx) => {
    const membership = requireLinkedForWrite(await findActiveMembership(trx, userId));
    // An unlink committing meanwhile must not leave shares behind in the ended couple.
    if (!(await lockActiveCouple(trx, membership.coupleId))) requireLinkedForWrite(null);
    await replaceShares(trx, { coupleId: membership.coupleId, ownerId: userId, scopes: orderScopes(scopes), now });
  });
  return readState(deps.db, userId, now);
}

/** Ends my couple for both of us, with every share of it. Nothing to do when I am not linked. */
export async function unlink(deps: CoupleDeps, userId: string): Promise<void> {
  const now = nowOf(deps);
  await deps.db.transaction().execute(async (trx) => {
    const membership = await findActiveMembership(trx, userId);
    if (membership) await endCouple(trx, membership.coupleId, now);
  });
}

/**
 * Before an account is deleted: its couple ends for both (the partner sees only that it ended),
 * its shares end, and its id leaves the audit rows of views it made (the owners keep the record).
 */
export async function endCoupleBeforeAccountDeletion(deps: Pick<CoupleDeps, "db" | "clock">, userId: string): Promise<void> {
  const now = deps.clock.now().getTime();
  await deps.db.transaction().execute(async (trx) => {
    const membership = await findActiveMembership(trx, userId);
    if (membership) await endCouple(trx, membership.coupleId, now);
    await forgetViewer(trx, userId);
  });
}

/** Both partners' scopes in the couple, read in the caller's transaction (never cached). */
async function readCouple(trx: Kysely<DB>, userId: string): Promise<{ membership: Membership; mine: ShareScope[]; partners: ShareScope[] }> {
  const membership = requireLinkedForRead(await findActiveMembership(trx, userId));
  const shares = await listShares(trx, membership.coupleId);
  return { membership, mine: scopesOf(shares, userId), partners: scopesOf(shares, membership.partnerId) };
}

const auditRows = (viewer: Viewer, ownerId: string, scopes: readonly ShareScope[], now: number) =>
  scopes.map((scope) => ({ ownerId, viewerId: viewer.userId, viewerName: viewer.name, viewerRole: "partner" as const, scope, viewedAt: now }));

/**
 * The couple report, from what each of us shares (my side too, so we both see the same numbers).
 * Readiness comes first: until both of us share a profile scope and both have a profile, my
 * partner's scores are not read, none reach me and no audit row is written. The couple, the shares,
 * the profiles and the audit rows are all read and written in one transaction. Only my own safety
 * screen is read (it may shape my view); my partner's profile is read without theirs. The words are
 * in my page's language, so each of us reads the same facts in our own.
 */
export async function getCoupleReport(deps: CoupleDeps, viewer: Viewer, language: Language = "en"): Promise<CoupleReportResponse> {
  const now = nowOf(deps);
  return deps.db.transaction().execute(async (trx) => {
    const { membership, mine, partners } = await readCouple(trx, viewer.userId);
    const myProfile = await getOwnLatestScoredProfile(trx, viewer.userId);
    const partnerHasProfile = sharesProfile(partners) ? await hasCompletedProfile(trx, membership.partnerId) : false;
    const missing = reportMissing({ mine, partners, myProfile: myProfile !== null, partnerHasProfile });
    const isReady = isReportReady(missing);
    const partnerProfile = isReady ? await getLatestScoredProfile(trx, membership.partnerId) : null;
    const mineShared = myProfile ? pickSharedScores(myProfile.profile, profileShareChoice(mine)) : {};
    const partnersShared = partnerProfile ? pickSharedScores(partnerProfile.profile, profileShareChoice(partners)) : {};
    const comparison = compareCouple(mineShared, partnersShared, {
      labels: { a: viewer.name, b: membership.partnerName },
      ...(myProfile ? { viewerSafety: myProfile.safety } : {}),
    });
    await recordDataViews(trx, auditRows(viewer, membership.partnerId, reportScopesCarried(partners, partnerProfile !== null), now));
    return presentReport({
      partnerName: membership.partnerName,
      isReady: partnerProfile !== null,
      missing,
      mine,
      partners,
      map: {
        mine: presentMapPoint(mineShared, myProfile?.profile ?? null, mine.includes("overview")),
        partners: presentMapPoint(partnersShared, partnerProfile?.profile ?? null, partners.includes("overview")),
      },
      comparison,
      instrument: (myProfile ?? partnerProfile)?.instrument ?? INTERDEPENDENCE_PROFILE_V1,
      language,
    });
  });
}

/** My partner's scored weekly answers and trend signals, while they share check-in trends. */
export async function getPartnerCheckIns(deps: CoupleDeps, viewer: Viewer, language: Language = "en"): Promise<PartnerCheckInsResponse> {
  const now = deps.clock.now();
  return deps.db.transaction().execute(async (trx) => {
    const { membership, partners } = await readCouple(trx, viewer.userId);
    requireShared(partners, "check-in-trends");
    const trends = await listCheckInTrendsOf(trx, membership.partnerId, now, language);
    await recordDataViews(trx, auditRows(viewer, membership.partnerId, ["check-in-trends"], now.getTime()));
    return presentPartnerCheckIns(membership.partnerName, trends);
  });
}

/** Which exercises my partner completed, and when, while they share exercises. */
export async function getPartnerExercises(deps: CoupleDeps, viewer: Viewer, language: Language = "en"): Promise<PartnerExercisesResponse> {
  const now = nowOf(deps);
  return deps.db.transaction().execute(async (trx) => {
    const { membership, partners } = await readCouple(trx, viewer.userId);
    requireShared(partners, "exercises");
    const completed = await listCompletedExercisesOf(trx, membership.partnerId, language);
    await recordDataViews(trx, auditRows(viewer, membership.partnerId, ["exercises"], now));
    return presentPartnerExercises(membership.partnerName, completed);
  });
}

export type SharingForExport = { since: string; partner: { name: string }; scopes: Array<{ scope: ShareScope; since: string }> } | null;

/** What the person shares with their partner right now, for their own export. */
export async function getSharingForExport(db: Kysely<DB>, userId: string): Promise<SharingForExport> {
  const membership = await findActiveMembership(db, userId);
  if (!membership) return null;
  const shares = await listSharesOf(db, membership.coupleId, userId);
  return {
    since: new Date(membership.since).toISOString(),
    partner: { name: membership.partnerName },
    scopes: shares.map((share) => ({ scope: share.scope, since: new Date(share.grantedAt).toISOString() })),
  };
}

/** The person's current partner's id, or null when not linked (for other modules, e.g. couple clients of a counsellor). */
export async function findCurrentPartnerId(db: Kysely<DB>, userId: string): Promise<string | null> {
  return (await findActiveMembership(db, userId))?.partnerId ?? null;
}
