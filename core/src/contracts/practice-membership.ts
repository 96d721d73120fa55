import { z } from "zod";
import { pathIdSchema } from "./path-id.js";

// A counselling practice (decision 014): its members and their roles. "Practice" here is the
// counselling practice; the three habits are PracticeId in practice.ts.

/** The roles in a practice. The owner created it; admins and counsellors are invited. */
export const PRACTICE_ROLES = ["owner", "admin", "counsellor"] as const;
export const practiceRoleSchema = z.enum(PRACTICE_ROLES);
export type PracticeRole = z.infer<typeof practiceRoleSchema>;

/** The roles an owner or admin may give a colleague (by invitation or by changing a role). */
export const INVITABLE_PRACTICE_ROLES = ["admin", "counsellor"] as const;
export type InvitablePracticeRole = (typeof INVITABLE_PRACTICE_ROLES)[number];

/** A practice's name, as the create form and the server check it. */
export const PRACTICE_NAME_MAX_LENGTH = 100;

/** GET /api/practices: the practices I belong to, with my role in each. */
export const practicesResponseSchema = z.object({
  /** Whether I sign in with two steps; no client data is shown in a practice until I do. */
  twoFactorEnabled: z.boolean(),
  practices: z.array(z.object({ id: z.string(), name: z.string(), role: practiceRoleSchema, joinedAt: z.string() })),
});
export type PracticesResponse = z.infer<typeof practicesResponseSchema>;

/** GET /api/practices/:practiceId: one practice as its member sees it. */
export const practiceDetailResponseSchema = z.object({
  practice: z.object({ id: z.string(), name: z.string(), createdAt: z.string() }),
  myRole: practiceRoleSchema,
  twoFactorEnabled: z.boolean(),
  members: z.array(
    z.object({
      memberId: z.string(),
      name: z.string(),
      role: practiceRoleSchema,
      isMe: z.boolean(),
      /** Only owners and admins, who manage members, see colleagues' email addresses. */
      email: z.string().optional(),
    }),
  ),
  /** Pending invitations; null for counsellors, who do not manage members. */
  invitations: z.array(z.object({ id: z.string(), email: z.string(), role: practiceRoleSchema, expiresAt: z.string() })).nullable(),
});
export type PracticeDetailResponse = z.infer<typeof practiceDetailResponseSchema>;

export const practiceIdParamsSchema = z.object({ practiceId: pathIdSchema(200) });
