import type { PracticeDetailResponse, PracticeRole, PracticesResponse } from "@mutual/core";
import { managesMembers } from "./practice.policy.js";

// The allow-lists of what practice answers carry, field by field.

const iso = (value: Date | string) => new Date(value).toISOString();

export function presentPractices(
  twoFactorEnabled: boolean,
  practices: Array<{ practiceId: string; name: string; role: PracticeRole; joinedAt: Date | string }>,
): PracticesResponse {
  return {
    twoFactorEnabled,
    practices: practices.map((practice) => ({ id: practice.practiceId, name: practice.name, role: practice.role, joinedAt: iso(practice.joinedAt) })),
  };
}

export type PracticeDetailInput = {
  viewerId: string;
  twoFactorEnabled: boolean;
  myRole: PracticeRole;
  practice: { id: string; name: string; createdAt: Date | string };
  members: Array<{ memberId: string; userId: string; name: string; email: string; role: PracticeRole }>;
  invitations: Array<{ id: string; email: string; role: PracticeRole; expiresAt: Date | string }>;
};

/** Colleagues' emails and pending invitations only for owners and admins, who manage members. */
export function presentPracticeDetail(input: PracticeDetailInput): PracticeDetailResponse {
  const manager = managesMembers(input.myRole);
  return {
    practice: { id: input.practice.id, name: input.practice.name, createdAt: iso(input.practice.createdAt) },
    myRole: input.myRole,
    twoFactorEnabled: input.twoFactorEnabled,
    members: input.members.map((member) => ({
      memberId: member.memberId,
      name: member.name,
      role: member.role,
      isMe: member.userId === input.viewerId,
      ...(manager ? { email: member.email } : {}),
    })),
    invitations: manager
      ? input.invitations.map((invitation) => ({ id: invitation.id, email: invitation.email, role: invitation.role, expiresAt: iso(invitation.expiresAt) }))
      : null,
  };
}
