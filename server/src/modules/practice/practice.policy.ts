// Pure rules of practices (decision 014): which role may do what, what a member sees of their
// colleagues, and the two-factor gate in front of any client data. No I/O; unit-tested.
import { PRACTICE_ROLES, type PracticeRole } from "@mutual/core";
import { DomainError } from "../../domain/errors.js";

export type Membership = { memberId: string; practiceId: string; userId: string; role: PracticeRole };

export function isPracticeRole(value: string): value is PracticeRole {
  return (PRACTICE_ROLES as readonly string[]).includes(value);
}

/** Owners and admins invite colleagues, change roles, remove members and see their emails. */
export function managesMembers(role: PracticeRole): boolean {
  return role === "owner" || role === "admin";
}

export const TWO_FACTOR_REQUIRED_MESSAGE = "Turn on two-step sign-in before you can see any client's information.";

/**
 * Whether someone with this membership may act with one of `roles` in the practice. Not a
 * member: 404, so a practice's existence is not revealed to outsiders. A member with another
 * role: 403.
 */
export function decidePracticeRole(
  membership: Membership | null,
  roles: readonly PracticeRole[],
): { ok: true; membership: Membership } | { ok: false; error: DomainError } {
  if (!membership) return { ok: false, error: new DomainError(404, "NOT_FOUND", "Nothing here.") };
  if (!roles.includes(membership.role)) {
    return { ok: false, error: new DomainError(403, "PRACTICE_ROLE_REQUIRED", "Your role in this practice does not allow this.") };
  }
  return { ok: true, membership };
}

/**
 * The gate in front of every client's data in a practice: the person must sign in with two
 * steps. Read from the person's row on every request, so turning it off hides client data at
 * once. Throws 403 TWO_FACTOR_REQUIRED.
 */
export function requireTwoFactor(actor: { twoFactorEnabled: boolean }): void {
  if (!actor.twoFactorEnabled) throw new DomainError(403, "TWO_FACTOR_REQUIRED", TWO_FACTOR_REQUIRED_MESSAGE);
}

export type PracticeMember = { memberId: string; userId: string; role: string; joinedAt: number };

/**
 * What happens to a practice when one of its members deletes their account. A practice always
 * keeps an owner: when the only owner leaves, the longest-standing admin becomes owner, or else
 * the longest-standing counsellor. A practice left with nobody is deleted with its invitations,
 * so its name (often a person's own) does not outlive them.
 */
export function practiceAfterLeaving(
  members: readonly PracticeMember[],
  leavingUserId: string,
): { action: "keep" } | { action: "delete" } | { action: "promote"; memberId: string } {
  const staying = members.filter((member) => member.userId !== leavingUserId);
  if (staying.length === 0) return { action: "delete" };
  if (staying.some((member) => member.role === "owner")) return { action: "keep" };
  const byTenure = [...staying].sort((a, b) => a.joinedAt - b.joinedAt || a.memberId.localeCompare(b.memberId));
  const successor = byTenure.find((member) => member.role === "admin") ?? byTenure[0]!;
  return { action: "promote", memberId: successor.memberId };
}
