import { z } from "zod";

export const livenessSchema = z.object({ status: z.literal("ok") });

export const readinessSchema = z.object({
  status: z.enum(["ready", "unavailable"]),
  checks: z.object({
    database: z.enum(["ok", "unreachable"]),
    migrations: z.enum(["applied", "pending", "unknown"]),
  }),
});
export type Readiness = z.infer<typeof readinessSchema>;
