// Weekly check-in API contracts: one check-in per person per ISO week, in the person's own time zone.
import { z } from "zod";
import { practiceIdSchema } from "./practice.js";
import { checkInAnswersSchema } from "../model/instrument/check-in-definition.js";

/** An IANA time zone name as sent by the browser, e.g. "Asia/Singapore" (validated on the server with Intl). */
export const timeZoneSchema = z.string().min(1).max(100);

/** GET /api/check-ins/current?timeZone=… */
export const currentCheckInQuerySchema = z.object({ timeZone: timeZoneSchema });
export type CurrentCheckInQuery = z.infer<typeof currentCheckInQuerySchema>;

/** This week's check-in as its owner sees it (the note decrypted). */
export const checkInViewSchema = z.object({
  answers: checkInAnswersSchema,
  note: z.string().nullable(),
  updatedAt: z.string(),
});
export type CheckInView = z.infer<typeof checkInViewSchema>;

/** GET/PUT /api/check-ins/current response. */
export const currentCheckInResponseSchema = z.object({
  week: z.string(),
  timeZone: z.string(),
  checkIn: checkInViewSchema.nullable(),
});
export type CurrentCheckInResponse = z.infer<typeof currentCheckInResponseSchema>;

/** PUT /api/check-ins/current body (an optional `Idempotency-Key` header makes retries safe). */
export const putCheckInBodySchema = z
  .object({
    timeZone: timeZoneSchema,
    answers: checkInAnswersSchema,
  })
  .strict();
export type PutCheckInBody = z.infer<typeof putCheckInBodySchema>;

/** Scored answers only: what the trends list carries (never the note). */
export const scoredCheckInAnswersSchema = z.object({
  spokeUp: z.number().nullable(),
  feltHeard: z.number().nullable(),
  backedPartner: z.number().nullable(),
  feltBacked: z.number().nullable(),
  friendsFamilyHours: z.number().nullable(),
  wePulse: z.number().nullable(),
  mePulse: z.number().nullable(),
});
export type ScoredCheckInAnswers = z.infer<typeof scoredCheckInAnswersSchema>;

export const checkInWeekSchema = z.object({
  week: z.string(),
  answers: scoredCheckInAnswersSchema,
  hasNote: z.boolean(),
});
export type CheckInWeek = z.infer<typeof checkInWeekSchema>;

/** A trend signal (e.g. social withdrawal) with plain words and the practice that helps. */
export const trendSignalSchema = z.object({
  id: z.string(),
  title: z.string(),
  explanation: z.string(),
  practice: practiceIdSchema,
});
export type TrendSignalView = z.infer<typeof trendSignalSchema>;

const checkInFormatSchema = z.union([
  z.object({ kind: z.literal("scale"), min: z.number(), max: z.number(), labels: z.array(z.string()) }),
  z.object({ kind: z.literal("hours"), min: z.number(), max: z.number(), step: z.number() }),
  z.object({ kind: z.literal("text"), maxLength: z.number() }),
]);

/** The check-in definition as data (questions, formats, labels), so the web needs no model import. */
export const checkInDefinitionSchema = z.object({
  id: z.string(),
  version: z.string(),
  questions: z.array(
    z.object({
      id: z.string(),
      text: z.string(),
      format: checkInFormatSchema,
      tracks: z.string(),
      isScored: z.boolean(),
    }),
  ),
});
export type CheckInDefinition = z.infer<typeof checkInDefinitionSchema>;

/** GET /api/check-ins: every week, oldest first, with signals and the definition. */
export const checkInListResponseSchema = z.object({
  weeks: z.array(checkInWeekSchema),
  signals: z.array(trendSignalSchema),
  definition: checkInDefinitionSchema,
});
export type CheckInListResponse = z.infer<typeof checkInListResponseSchema>;
