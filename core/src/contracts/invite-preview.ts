import { z } from "zod";

// An invite link opened by someone not signed in (issue 19): who invites them and to what, before
// they create an account. The answer names only the inviter's chosen name and, for a practice's
// invites, the practice's name; any code that does not work gets one answer (decision 058).

/** The three invite links: a partner's code, a counsellor's client code, a practice's colleague invitation. */
export const INVITE_KINDS = ["partner", "client", "colleague"] as const;
export const inviteKindSchema = z.enum(INVITE_KINDS);
export type InviteKind = z.infer<typeof inviteKindSchema>;

/** POST /api/invites/preview body: the kind (from the link's page) and its code or invitation id, as the link carries it. */
export const invitePreviewBodySchema = z.object({ kind: inviteKindSchema, code: z.string().min(1).max(200) }).strict();
export type InvitePreviewBody = z.infer<typeof invitePreviewBodySchema>;

/** POST /api/invites/preview → who invites, and the practice for a counsellor's or a colleague's invite. */
export const invitePreviewResponseSchema = z.object({
  kind: inviteKindSchema,
  inviter: z.object({ name: z.string() }),
  practice: z.object({ name: z.string() }).nullable(),
});
export type InvitePreviewResponse = z.infer<typeof invitePreviewResponseSchema>;
