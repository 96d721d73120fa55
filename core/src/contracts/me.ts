import { z } from "zod";

/** GET /api/me: the signed-in person, as they see themselves. */
export const meResponseSchema = z.object({
  user: z.object({
    id: z.string(),
    name: z.string(),
    email: z.string(),
    emailVerified: z.boolean(),
    /** Two-step sign-in (TOTP) is on. */
    twoFactorEnabled: z.boolean(),
    createdAt: z.string(),
  }),
});
export type MeResponse = z.infer<typeof meResponseSchema>;
