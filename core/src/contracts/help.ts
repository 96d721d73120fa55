// Help resources API contract: the operator's data file (Singapore defaults shipped), served publicly.
import { z } from "zod";

export const helpCategorySchema = z.enum(["counselling", "family-violence", "suicide-prevention", "mental-health", "emergency"]);
export type HelpCategory = z.infer<typeof helpCategorySchema>;

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "Expected a date like 2026-11-24");

export const helpResourceSchema = z
  .object({
    id: z.string().min(1),
    category: helpCategorySchema,
    name: z.string().min(1),
    description: z.string().min(1),
    phone: z.string().min(1).nullable(),
    text: z.string().min(1).nullable(),
    /** Only https: the page links to it, and a plain-http or other-scheme link would be unsafe to follow. */
    website: z.string().url().startsWith("https://").nullable(),
    hours: z.string().min(1),
    source: z.string().min(1),
    verifiedOn: isoDate,
  })
  .strict();
export type HelpResource = z.infer<typeof helpResourceSchema>;

/** GET /api/help/resources (public) — also the shape of the operator's resources file (plus an optional `note`). */
export const helpResourcesResponseSchema = z.object({
  region: z.string().min(1),
  updatedOn: isoDate,
  resources: z.array(helpResourceSchema).min(1),
});
export type HelpResourcesResponse = z.infer<typeof helpResourcesResponseSchema>;
