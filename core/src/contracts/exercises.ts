// Guided exercises API contracts: the three practices, suggestions, completions with private reflections.
import { z } from "zod";
import { pathIdSchema } from "./path-id.js";
import { practiceIdSchema } from "./practice.js";

export const exercisePracticeSchema = practiceIdSchema;

export const REFLECTION_MAX_LENGTH = 4000;

export const exerciseCompletionSummarySchema = z.object({
  id: z.string(),
  completedAt: z.string(),
  hasReflection: z.boolean(),
});
export type ExerciseCompletionSummary = z.infer<typeof exerciseCompletionSummarySchema>;

export const exerciseViewSchema = z.object({
  id: z.string(),
  practice: exercisePracticeSchema,
  title: z.string(),
  summary: z.string(),
  minutes: z.number(),
  steps: z.array(z.string()),
  reflectionPrompt: z.string(),
  isJoint: z.boolean(),
  isSuggested: z.boolean(),
  suggestionReason: z.string().nullable(),
  isHeldBack: z.boolean(),
  completions: z.array(exerciseCompletionSummarySchema),
});
export type ExerciseView = z.infer<typeof exerciseViewSchema>;

/** GET /api/exercises */
export const exerciseListResponseSchema = z.object({ exercises: z.array(exerciseViewSchema) });
export type ExerciseListResponse = z.infer<typeof exerciseListResponseSchema>;

export const exerciseParamsSchema = z.object({ exerciseId: pathIdSchema(100) });

/** POST /api/exercises/:exerciseId/completions */
export const createCompletionBodySchema = z.object({ reflection: z.string().max(REFLECTION_MAX_LENGTH).optional() }).strict();
export type CreateCompletionBody = z.infer<typeof createCompletionBodySchema>;

/** One completion as its owner sees it (the reflection decrypted). */
export const exerciseCompletionSchema = z.object({
  id: z.string(),
  exerciseId: z.string(),
  completedAt: z.string(),
  reflection: z.string().nullable(),
});
export type ExerciseCompletion = z.infer<typeof exerciseCompletionSchema>;

/** GET /api/exercises/:exerciseId/completions */
export const exerciseCompletionListResponseSchema = z.object({ completions: z.array(exerciseCompletionSchema) });
export type ExerciseCompletionListResponse = z.infer<typeof exerciseCompletionListResponseSchema>;
