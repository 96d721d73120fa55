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

/**
 * People each language, and everyone else, need before the screen for items that read differently
 * in that language is run (decision 067): the same bar as item means.
 */
export const DIF_MINIMUM_PER_GROUP = PRACTICE_ITEM_STATISTICS_MINIMUM_N;

/** The same figures over the people who answered in one language (decision 087), under the same floors. */
export const languagePsychometricsSchema = z.object({
  /** The language the profiles were answered in (a code such as "en", "zh-Hans", "ms", "ta"). */
  language: z.string(),
  respondents: z.number().int().nonnegative(),
  /** "deployment" once some dimension has enough people in this language for its own reliable-change figures. */
  normSource: normSourceSchema,
  dimensions: z.array(practiceDimensionPsychometricsSchema),
});
export type LanguagePsychometrics = z.infer<typeof languagePsychometricsSchema>;

/** One item that behaved differently in one language, once people were matched on the rest of its area. */
export const differentItemSchema = z.object({
  itemId: z.string(),
  dimension: dimensionCodeSchema,
  /** The difference in SD units (focal language minus everyone else), to two decimals. */
  effectSize: z.number(),
  /** "higher": people in this language agreed more than others who matched them elsewhere. */
  direction: z.enum(["higher", "lower"]),
});

/** The screen for items that read differently in one language (decision 067), per language. */
export const languageDifSchema = z.object({
  language: z.string(),
  /** People in this language, and in every other one. */
  people: z.number().int().nonnegative(),
  otherPeople: z.number().int().nonnegative(),
  /** False while this language or the rest is below the minimum: then no item is named. */
  screened: z.boolean(),
  /** Items flagged (empty when screened and none did, or when not screened). */
  items: z.array(differentItemSchema),
});
export type LanguageDif = z.infer<typeof languageDifSchema>;

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
  /** The same figures by the language people answered in, largest first (decision 087). */
  languages: z.array(languagePsychometricsSchema),
  /** Items that read differently in a language; one entry per language (decision 067). */
  itemsByLanguage: z.object({ minimumPerGroup: z.number().int().positive(), languages: z.array(languageDifSchema) }),
});
export type PracticePsychometricsResponse = z.infer<typeof practicePsychometricsResponseSchema>;
