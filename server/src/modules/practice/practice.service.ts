import type { Kysely } from "kysely";
import type { PracticeDetailResponse, PracticeRole, PracticesResponse } from "@mutual/core";
import type { DB } from "../../db/schema.js";
import { notFound } from "../../http/http-errors.js";
import type { Actor } from "../../http/route-access.js";
import type { Clock } from "../../platform/clock.js";
import { decidePracticeRole, isPracticeRole, type Membership } from "./practice.policy.js";
import { presentPracticeDetail, presentPractices } from "./practice.presenter.js";
import { findMembership, findPractice, listMembers, listMembershipsOf, listPendingInvitations } from "./practice.repository.js";

export type PracticeDeps = { db: Kysely<DB>; clock: Clock };

/** A role read from Better Auth's table; anything we did not give (e.g. "member") counts as none. */
function knownRole(role: string | null): PracticeRole | null {
  return role !== null && isPracticeRole(role) ? role : null;
}

/**
 * The gate for later phases: the actor's membership of the practice if their role is one of
 * `roles`. Throws 404 for non-members (the practice is not revealed) and 403 for other roles.
 */
export async function requirePracticeRole(db: Kysely<DB>, actor: Pick<Actor, "userId">, practiceId: string, roles: readonly PracticeRole[]): Promise<Membership> {
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
