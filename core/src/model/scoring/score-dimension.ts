// Dimension scores: mean of answered keyed items, rescaled to 0–100, prorated above 75% answered.
import type { Instrument, ProfileItem } from "../instrument/instrument-types.js";
import { keyAnswer } from "../instrument/instrument-lookup.js";
import type { ProfileAnswers } from "../instrument/profile-answers.js";
import { MODEL_THRESHOLDS } from "../model-thresholds.js";
import { describeInfluences, rankInfluences } from "./explain-influence.js";
import type { DimensionScore } from "./score-types.js";

/** Rescale a keyed mean on the instrument scale to 0–100: (mean − min) / (max − min) · 100. */
export function rescaleToHundred(mean: number, scaleMin = 1, scaleMax = 7): number {
  return ((mean - scaleMin) / (scaleMax - scaleMin)) * 100;
}

/** Fewest answered items that still allow a (prorated) score. */
export function countMinimumAnswered(total: number, share: number = MODEL_THRESHOLDS.scoring.minAnsweredShare): number {
  // The epsilon keeps 0.75 · 4 = 3 from becoming 4 through floating-point error.
  return Math.ceil(total * share - 1e-9);
}

/** Score a set of items (a dimension or a sub-scale) under the proration rule. */
export function scoreItems(
  instrument: Instrument,
  key: DimensionScore["key"],
  displayName: string,
  items: readonly ProfileItem[],
  answers: ProfileAnswers,
): DimensionScore {
  const total = items.length;
  let answered = 0;
  let keyedSum = 0;
  for (const entry of items) {
    const answer = answers[entry.id];
    if (answer === null || answer === undefined) continue;
    answered += 1;
    keyedSum += keyAnswer(entry, answer, instrument.scale.min, instrument.scale.max);
  }
  const needed = countMinimumAnswered(total);
  if (total === 0 || answered < needed) {
    return {
      key,
      status: "missing",
      reason: "too-few-answers",
      message: `${displayName} needs at least ${needed} of ${total} questions answered; ${answered} were.`,
      answered,
      total,
    };
  }
  const influences = rankInfluences(instrument, items, answers).slice(0, MODEL_THRESHOLDS.scoring.explanationSize);
  return {
    key,
    status: "scored",
    score: rescaleToHundred(keyedSum / answered, instrument.scale.min, instrument.scale.max),
    answered,
    total,
    isProrated: answered < total,
    explanation: { text: describeInfluences(influences, displayName), influences },
  };
}
