// Result types for a scored profile. Every number carries the answers that moved it.
import type { ConcernSeverity, ScoredDimensionCode, SupportSubscale } from "../instrument/instrument-types.js";
import type { IgnoredAnswer } from "../instrument/read-answer.js";
import type { NormSource } from "../provisional-norms.js";

/** One answer's pull on a score, in the respondent's own words. */
export type ItemInfluence = {
  itemId: string;
  /** First-person phrase from the item, e.g. "I say what I think": a paraphrase, so never shown in quotation marks. */
  plain: string;
  /** The item's exact words, as the person read them: the only thing an explanation quotes. */
  text: string;
  answer: number;
  answerLabel: string;
  /** Answer after reverse keying (1–7). */
  keyed: number;
  /** Which way this answer pushed the score from the scale midpoint. */
  direction: "raised" | "lowered";
  /** Distance of the keyed answer from the midpoint (0–3). */
  strength: number;
};

export type ScoreExplanation = { text: string; influences: ItemInfluence[] };

export type MissingScore = {
  status: "missing";
  reason: "too-few-answers" | "missing-component";
  message: string;
};

export type DimensionScore =
  | {
      key: ScoredDimensionCode | `SUPPORT_${Uppercase<SupportSubscale>}`;
      status: "scored";
      /** 0–100. */
      score: number;
      answered: number;
      total: number;
      /** True when some items were skipped and the mean of the rest stands in for them. */
      isProrated: boolean;
      /** Answers set aside as invalid (fractional or off the scale); they count as unanswered. */
      ignoredAnswers: IgnoredAnswer[];
      explanation: ScoreExplanation;
    }
  | ({ key: ScoredDimensionCode | `SUPPORT_${Uppercase<SupportSubscale>}`; answered: number; total: number; ignoredAnswers: IgnoredAnswer[] } & MissingScore);

export type AxisScore =
  | { key: "WE" | "ME"; status: "scored"; score: number; components: readonly ScoredDimensionCode[]; explanation: ScoreExplanation }
  | ({ key: "WE" | "ME"; components: readonly ScoredDimensionCode[] } & MissingScore);

export type CodependencyScore =
  | { key: "CODEPENDENCY"; status: "scored"; score: number; formula: string; explanation: ScoreExplanation }
  | ({ key: "CODEPENDENCY"; formula: string } & MissingScore);

export type PatternCode = "interdependent" | "independent" | "leaning-co-dependent" | "disconnected";

export type PatternResult =
  | {
      status: "placed";
      /** A single pattern, or "between-patterns" when the point is within measurement error of a boundary. */
      pattern: PatternCode | "between-patterns";
      /** The patterns the point could belong to given measurement error (one when clearly placed). */
      candidates: PatternCode[];
      we: number;
      me: number;
      /** Half-width of the uncertainty band on each axis (points). */
      band: { we: number; me: number };
      normSource: NormSource;
      explanation: string;
    }
  | MissingScore;

export type Profile = {
  instrumentId: string;
  instrumentVersion: string;
  dimensions: Record<ScoredDimensionCode, DimensionScore>;
  subscales: Record<SupportSubscale, DimensionScore>;
  we: AxisScore;
  me: AxisScore;
  codependency: CodependencyScore;
  pattern: PatternResult;
};

/** The private SAFE screen: kept apart from Profile so it cannot leak through a profile view. */
export type SafetyScreen = {
  instrumentId: string;
  instrumentVersion: string;
  answered: number;
  total: number;
  /** SAFE items whose keyed answer reached the safety threshold, strongest first. */
  concerns: ItemInfluence[];
  /** Highest concern severity among the concerns (from each item's data), or null with no concern. */
  concernSeverity: ConcernSeverity | null;
  /** Highest keyed SAFE answer, or null when none was answered. */
  highestKeyed: number | null;
  /** No safety question has a valid answer: noted to the person alone, with a gentle offer of help. */
  allSkipped: boolean;
};
