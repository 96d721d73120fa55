import type { Kysely } from "kysely";
import type { PracticeDetailResponse, PracticeRole, PracticesResponse } from "@mutual/core";
import type { DB } from "../../db/schema.js";
import { notFound } from "../../domain/errors.js";
import type { Actor } from "../../domain/actor.js";
import type { Clock } from "../../platform/clock.js";
import { decidePracticeRole, isPracticeRole, practiceAfterLeaving, type Membership } from "./practice.policy.js";
import { presentPracticeDetail, presentPractices } from "./practice.presenter.js";
import {
  findInvitationWithNames,
  deleteInvitationsToPerson,
  deletePractice,
  findMembership,
  findPractice,
  listMembers,
  listMembershipsOf,
  listPendingInvitations,
  listPracticesWithMembersOf,
  setMemberRole,
} from "./practice.repository.js";

export type PracticeDeps = { db: Kysely<DB>; clock: Clock };

/** A role read from Better Auth's table; anything we did not give (e.g. "member") counts as none. */
function knownRole(role: string | null): PracticeRole | null {
  return role !== null && isPracticeRole(role) ? role : null;
}

/**
 * The gate for later phases: the actor's membership of the practice if their role is one of
 * `roles`. Throws 404 for non-members (the practice is not revealed) and 403 for other roles.
 */
export async function requirePracticeRole(
  db: Kysely<DB>,
  actor: Pick<Actor, "userId">,
  practiceId: string,
  roles: readonly PracticeRole[],
): Promise<Membership> {
  const row = await findMembership(db, practiceId, actor.userId);
  const role = row ? knownRole(row.role) : null;
  const decision = decidePracticeRole(row && role ? { ...row, role } : null, roles);
  if (!decision.ok) throw decision.error;
  return decision.membership;
}

export async function listMyPractices(deps: PracticeDeps, actor: Actor): Promise<PracticesResponse> {
  const rows = await listMembershipsOf(deps.db, actor.userId);
  const practices = rows.flatMap((row) => {
    const role = knownRole(row.role);
    return role ? [{ ...row, role }] : [];
  });
  return presentPractices(actor.twoFactorEnabled, practices);
}

export async function getPracticeDetail(deps: PracticeDeps, actor: Actor, practiceId: string): Promise<PracticeDetailResponse> {
  const membership = await requirePracticeRole(deps.db, actor, practiceId, ["owner", "admin", "counsellor"]);
  const practice = await findPractice(deps.db, practiceId);
  // A membership without its practice cannot outlive the cascade; answer as for a stranger.
  if (!practice) throw notFound();
  const now = deps.clock.now().getTime();
  const [members, invitations] = await Promise.all([listMembers(deps.db, practiceId), listPendingInvitations(deps.db, practiceId)]);
  return presentPracticeDetail({
    viewerId: actor.userId,
    twoFactorEnabled: actor.twoFactorEnabled,
    myRole: membership.role,
    practice,
    members: members.flatMap((member) => {
      const role = knownRole(member.role);
      return role ? [{ ...member, role }] : [];
    }),
    invitations: invitations.flatMap((invitation) => {
      const role = knownRole(invitation.role);
      return role && new Date(invitation.expiresAt).getTime() > now ? [{ ...invitation, role }] : [];
    }),
  });
}

/**
 * Runs before an account is deleted (the cascade then removes the person's memberships): each
 * practice they leave keeps an owner, and a practice left empty is deleted (decision 014).
 * Invitations addressed to them go too: they hold the address, not the account (decision 030).
 */
export async function handOverPracticesBeforeAccountDeletion(deps: Pick<PracticeDeps, "db">, userId: string): Promise<void> {
  await deps.db.transaction().execute(async (trx) => {
    await deleteInvitationsToPerson(trx, userId);
    const rows = await listPracticesWithMembersOf(trx, userId);
    const byPractice = new Map<string, typeof rows>();
    for (const row of rows) byPractice.set(row.practiceId, [...(byPractice.get(row.practiceId) ?? []), row]);
    for (const [practiceId, members] of byPractice) {
      const outcome = practiceAfterLeaving(
        members.map((member) => ({ ...member, joinedAt: new Date(member.joinedAt).getTime() })),
        userId,
      );
      if (outcome.action === "delete") await deletePractice(trx, practiceId);
      else if (outcome.action === "promote") await setMemberRole(trx, outcome.memberId, "owner");
    }
  });
}

/**
 * The practice's and inviter's names for a colleague's invitation link opened by someone not
 * signed in (decision 058), or null for any invitation that is not pending and unexpired. Reads only.
 */
export async function previewColleagueInvitation(deps: PracticeDeps, invitationId: string): Promise<{ inviterName: string; practiceName: string } | null> {
  const invitation = await findInvitationWithNames(deps.db, invitationId);
  if (!invitation || invitation.status !== "pending" || new Date(invitation.expiresAt).getTime() <= deps.clock.now().getTime()) return null;
  return { inviterName: invitation.inviterName, practiceName: invitation.practiceName };
}
