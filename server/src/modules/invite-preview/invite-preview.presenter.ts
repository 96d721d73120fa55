import type { InviteKind, InvitePreviewResponse } from "@mutual/core";

/** The allow-list of a preview: the kind, the inviter's chosen name, and the practice's name when a practice invites. */
export function presentPreview(kind: InviteKind, inviterName: string, practiceName: string | null): InvitePreviewResponse {
  return { kind, inviter: { name: inviterName }, practice: practiceName === null ? null : { name: practiceName } };
}
