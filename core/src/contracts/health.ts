import { z } from "zod";

export const livenessSchema = z.object({ status: z.literal("ok") });

export const readinessSchema = z.object({
  status: z.enum(["ready", "unavailable"]),
  checks: z.object({
    database: z.enum(["ok", "unreachable"]),
    migrations: z.enum(["applied", "pending", "unknown"]),
    /** Whether a write can commit now: "failing" on a full disk or a read-only database. */
    writes: z.enum(["ok", "failing", "unknown"]),
  }),
});
export type Readiness = z.infer<typeof readinessSchema>;
