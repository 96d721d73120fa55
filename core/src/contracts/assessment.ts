import { z } from "zod";
import { pathIdSchema } from "./path-id.js";
import { languageSchema } from "./preferences.js";

/** Whether text is in the source language, a reviewed or a provisional translation (or missing, so shown in English). */
export const translationStatusSchema = z.enum(["source", "reviewed", "provisional", "missing"]);
export type TranslationStatusCode = z.infer<typeof translationStatusSchema>;

/** One answer on the profile's 1–7 agreement scale. */
export const assessmentAnswerValueSchema = z.number().int().min(1).max(7);

/** Days after a completed profile before a retake is offered. */
export const RETAKE_AFTER_DAYS = 28;

export const assessmentSectionSchema = z.object({
  /** "safety-check" is the private final section: never scored, never shared. */
  id: z.enum(["profile", "safety-check"]),
  items: z.array(z.object({ id: z.string(), text: z.string() })),
});

/** An assessment in progress, in this person's own item order, with what they saved so far. */
export const inProgressAssessmentSchema = z.object({
  id: z.string(),
  startedAt: z.string(),
  sections: z.array(assessmentSectionSchema),
  /** itemId → saved answer (1–7). */
  answers: z.record(z.string(), assessmentAnswerValueSchema),
  answeredCount: z.number().int(),
  totalCount: z.number().int(),
  scale: z.array(z.object({ value: z.number().int(), label: z.string() })),
  /** The language of the statements and scale labels above (the page's, decision 085): the web marks them with it. */
  language: languageSchema,
  translationStatus: translationStatusSchema,
});
export type InProgressAssessment = z.infer<typeof inProgressAssessmentSchema>;

/** GET /api/assessments/current */
export const currentAssessmentResponseSchema = z.object({
  inProgress: inProgressAssessmentSchema.nullable(),
  completedCount: z.number().int(),
  lastCompletedAt: z.string().nullable(),
  /** When a retake may start (ISO 8601): null before the first profile; may be in the past. */
  retakeAvailableAt: z.string().nullable(),
});
export type CurrentAssessmentResponse = z.infer<typeof currentAssessmentResponseSchema>;

/** POST /api/assessments answers with the assessment in progress (started now or earlier). */
export const startAssessmentResponseSchema = inProgressAssessmentSchema;
export type StartAssessmentResponse = z.infer<typeof startAssessmentResponseSchema>;

export const assessmentIdParamsSchema = z.object({ id: pathIdSchema(64) });
export const assessmentAnswerParamsSchema = z.object({ id: pathIdSchema(64), itemId: pathIdSchema(64) });

/** PUT /api/assessments/:id/answers/:itemId */
export const saveAnswerRequestSchema = z.object({ value: assessmentAnswerValueSchema }).strict();
export type SaveAnswerRequest = z.infer<typeof saveAnswerRequestSchema>;
export const saveAnswerResponseSchema = z.object({ answeredCount: z.number().int(), totalCount: z.number().int() });
export type SaveAnswerResponse = z.infer<typeof saveAnswerResponseSchema>;

/** POST /api/assessments/:id/submit. A 422 INCOMPLETE error lists, in `fields`, each dimension lacking answers. */
export const submitAssessmentResponseSchema = z.object({ assessmentId: z.string() });
export type SubmitAssessmentResponse = z.infer<typeof submitAssessmentResponseSchema>;
