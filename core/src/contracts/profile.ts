import { z } from "zod";
import { practiceIdSchema } from "./practice.js";

export const patternCodeSchema = z.enum(["interdependent", "independent", "leaning-co-dependent", "disconnected", "between-patterns"]);
export const normSourceSchema = z.enum(["provisional", "deployment"]);
export const dimensionCodeSchema = z.enum(["CLOSE", "SUPPORT", "ACCEPT", "VOICE", "SELF", "TIES", "RELY"]);

export const profileDimensionSchema = z.object({
  code: dimensionCodeSchema,
  axis: z.enum(["we", "me", "risk"]),
  /** Display name, e.g. "Closeness". */
  name: z.string(),
  /** One plain sentence on what the dimension is about. */
  summary: z.string(),
  /** 0–100, or null when too few questions were answered. */
  score: z.number().nullable(),
  missingMessage: z.string().nullable(),
  /** Why the score is what it is, in the person's own answers. */
  explanation: z.string(),
  drivers: z.array(
    // `text` is the statement's exact words, the only thing the page quotes; `plain` is a paraphrase.
    z.object({ itemId: z.string(), text: z.string(), plain: z.string(), answerLabel: z.string(), direction: z.enum(["raised", "lowered"]) }),
  ),
});
export type ProfileDimension = z.infer<typeof profileDimensionSchema>;

export const profileFlagSchema = z.object({
  id: z.string(),
  severity: z.enum(["low", "medium", "high"]),
  title: z.string(),
  explanation: z.string(),
  practice: practiceIdSchema,
  counselling: z.enum(["none", "individual", "own-or-together", "relationship", "safety-resources"]),
});
export type ProfileFlag = z.infer<typeof profileFlagSchema>;

/** The owner's own view of their latest completed profile. Never sent to anyone else. */
export const profileViewSchema = z.object({
  assessmentId: z.string(),
  completedAt: z.string(),
  /** 0–100 (a submitted profile always has both axes). */
  we: z.number(),
  me: z.number(),
  pattern: z.object({
    code: patternCodeSchema,
    candidates: z.array(patternCodeSchema),
    /** Half-width of the "between patterns" band on each axis, in points. */
    band: z.object({ we: z.number(), me: z.number() }),
    explanation: z.string(),
  }),
  dimensions: z.array(profileDimensionSchema),
  flags: z.array(profileFlagSchema),
  /** `skippedCheck`: every safety question was skipped; the page says so gently, to this person alone. */
  safety: z.object({ showResources: z.boolean(), holdsBackJointExercises: z.boolean(), skippedCheck: z.boolean() }),
  suggestedPractices: z.array(practiceIdSchema),
  normSource: normSourceSchema,
});
export type ProfileView = z.infer<typeof profileViewSchema>;

export const profileHistoryEntrySchema = z.object({
  assessmentId: z.string(),
  completedAt: z.string(),
  we: z.number().nullable(),
  me: z.number().nullable(),
  pattern: patternCodeSchema.nullable(),
});

/** GET /api/profile */
export const profileResponseSchema = z.object({
  profile: profileViewSchema.nullable(),
  /** Every completed profile, oldest first. */
  history: z.array(profileHistoryEntrySchema),
});
export type ProfileResponse = z.infer<typeof profileResponseSchema>;

export const changeScoreKeySchema = z.enum(["WE", "ME", "CLOSE", "SUPPORT", "ACCEPT", "VOICE", "SELF", "TIES", "RELY", "CODEPENDENCY"]);

/** GET /api/profile/change: the last two completed profiles compared, per score. */
export const profileChangeResponseSchema = z.object({
  change: z
    .object({
      from: z.object({ assessmentId: z.string(), completedAt: z.string() }),
      to: z.object({ assessmentId: z.string(), completedAt: z.string() }),
      /**
       * "provisional" while every score's test uses the provisional reliability and SD: say so.
       * "deployment" once some use this deployment's own (decision 022); each row says which it used.
       */
      normSource: normSourceSchema,
      /**
       * The language whose own people's figures some rows used (both profiles were answered in it and
       * it has enough people, decision 087); null when every row used the figures shared by everyone.
       */
      normLanguage: z.string().nullable(),
      dimensions: z.array(
        z.object({
          key: changeScoreKeySchema,
          /** Whose reliability and SD this row's test used. */
          normSource: normSourceSchema,
          /** The language whose own figures this row used; null for the shared ones. */
          normLanguage: z.string().nullable(),
          before: z.number(),
          after: z.number(),
          difference: z.number(),
          rci: z.number(),
          /** For RELY and CODEPENDENCY a fall is the improvement. */
          classification: z.enum(["improved", "no-reliable-change", "deteriorated"]),
        }),
      ),
    })
    .nullable(),
});
export type ProfileChangeResponse = z.infer<typeof profileChangeResponseSchema>;
