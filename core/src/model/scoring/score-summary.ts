// The numbers of one completed assessment, flattened for storage (decision 016): every score,
// the pattern, the shareable flag ids and, apart, whether the private safety flag fired. Derived
// from the answers with the same functions a profile read uses, so a stored summary always equals
// scoring the answers again.
import { deriveFlags } from "../flags/derive-flags.js";
import type { FlagId } from "../flags/flag-types.js";
import type { Instrument } from "../instrument/instrument-types.js";
import { SCORED_DIMENSIONS } from "../instrument/instrument-types.js";
import type { ProfileAnswers } from "../instrument/profile-answers.js";
import { PROVISIONAL_NORMS, type ScoreKey } from "../provisional-norms.js";
import { scoreProfile, screenSafety } from "./score-profile.js";
import type { PatternCode, Profile } from "./score-types.js";

/** Every score key, dimensions first, then the two axes and the co-dependency index. */
export const SCORE_KEYS: readonly ScoreKey[] = [...SCORED_DIMENSIONS, "WE", "ME", "CODEPENDENCY"];

export type ScoreNumbers = Record<ScoreKey, number | null>;

export type AssessmentSummary = {
  scores: ScoreNumbers;
  pattern: PatternCode | "between-patterns" | null;
  /** Flags computed without the safety answers: the ones a partner or a counsellor may see. */
  shareableFlagIds: FlagId[];
  /** The private safety flag fired. Kept apart from the rest wherever it is stored. */
  safetyRaised: boolean;
  /** Every safety question was left unanswered. Kept apart with safetyRaised. */
  safetyCheckSkipped: boolean;
};

/** The scores of a profile as plain numbers (null where a score could not be worked out). */
export function scoreNumbersOf(profile: Profile): ScoreNumbers {
  const read = (entry: { status: string; score?: number }): number | null => (entry.status === "scored" && entry.score !== undefined ? entry.score : null);
  const numbers = Object.fromEntries(SCORED_DIMENSIONS.map((code) => [code, read(profile.dimensions[code])])) as Record<ScoreKey, number | null>;
  numbers.WE = read(profile.we);
  numbers.ME = read(profile.me);
  numbers.CODEPENDENCY = read(profile.codependency);
  return numbers;
}

/** Scores, pattern and flags of one person's answers (provisional norms place the pattern, as a profile read does). */
export function summariseAssessment(instrument: Instrument, answers: ProfileAnswers): AssessmentSummary {
  const profile = scoreProfile(instrument, answers, PROVISIONAL_NORMS);
  const flags = deriveFlags(instrument, profile, answers, screenSafety(instrument, answers));
  return {
    scores: scoreNumbersOf(profile),
    pattern: profile.pattern.status === "placed" ? profile.pattern.pattern : null,
    shareableFlagIds: flags.shareable.map((flag) => flag.id),
    safetyRaised: flags.ownerOnly.safety !== null,
    safetyCheckSkipped: flags.ownerOnly.safetyCheckSkipped,
  };
}
