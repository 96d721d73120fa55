// The instrument on a practice's own clients (decision 017): reliability per dimension over the
// practice's consented profiles, for its owners and admins. Aggregates and N only, never a person.
import { z } from "zod";
import { dimensionCodeSchema, normSourceSchema } from "./profile.js";

/**
 * Complete responses a dimension needs before the practice's own reliability and SD replace the
 * provisional ones: near alpha = .80 the 95% interval of alpha is about ±.05 at N ≈ 100.
 */
export const PRACTICE_NORMS_MINIMUM_N = 100;

/**
 * Below this many complete responses a dimension's statistics are withheld (only N is shown): an
 * average of a handful of people is close to one person's answers.
 */
export const PRACTICE_STATISTICS_MINIMUM_N = 20;

/**
 * Below this many complete responses a dimension's item means and SDs are withheld (null). An
 * item mean moves by about one person's answer over N when one person joins; from 50, at one
 * decimal, that difference is lost in the rounding (decision 017).
 */
export const PRACTICE_ITEM_STATISTICS_MINIMUM_N = 50;

/**
 * The admins' figures are published again only once the number of people counted has moved by at
 * least this many since the last published figures, so no two published sets differ by one person.
 */
export const PRACTICE_PUBLISH_STEP_N = 10;

const statistic = z.number().nullable();

export const practiceDimensionPsychometricsSchema = z.object({
  dimension: dimensionCodeSchema,
  /** Complete responses (every item of the dimension answered). */
  n: z.number().int().nonnegative(),
  /** Responses with some but not all of the dimension's items answered, left out. */
  excludedIncomplete: z.number().int().nonnegative(),
  /** False below PRACTICE_STATISTICS_MINIMUM_N: every statistic below is then null and items empty. */
  isShown: z.boolean(),
  /** N reached PRACTICE_NORMS_MINIMUM_N and alpha is usable: reliable change uses these figures. */
  isUsedForChange: z.boolean(),
  alpha: statistic,
  /** Mean, SD and SEM of the 0–100 dimension score. */
  mean: statistic,
  sd: statistic,
  sem: statistic,
  items: z.array(
    z.object({
      itemId: z.string(),
      /** Item mean and SD to one decimal; null below PRACTICE_ITEM_STATISTICS_MINIMUM_N. */
      mean: statistic,
      sd: statistic,
      correctedItemTotal: statistic,
      alphaIfDeleted: statistic,
    }),
  ),
});
export type PracticeDimensionPsychometrics = z.infer<typeof practiceDimensionPsychometricsSchema>;

/** GET /api/practices/:practiceId/psychometrics (owners and admins, two-step sign-in on). */
export const practicePsychometricsResponseSchema = z.object({
  instrument: z.object({ id: z.string(), version: z.string() }),
  minimumN: z.number().int().positive(),
  statisticsMinimumN: z.number().int().positive(),
  /**
   * "deployment" when at least one dimension uses figures measured on this practice's own clients
   * for reliable change (the same word the dashboard and profile use), else "provisional".
   */
  normSource: normSourceSchema,
  /** Clients counted: members who share their profile with this practice and completed one. */
  respondents: z.number().int().nonnegative(),
  /** When the published figures were computed: they change only once N moved by PRACTICE_PUBLISH_STEP_N. */
  computedAt: z.string(),
  dimensions: z.array(practiceDimensionPsychometricsSchema),
});
export type PracticePsychometricsResponse = z.infer<typeof practicePsychometricsResponseSchema>;
