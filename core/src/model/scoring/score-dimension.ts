// Dimension scores: mean of answered keyed items, rescaled to 0–100, prorated above 75% answered.
import type { Instrument, ProfileItem } from "../instrument/instrument-types.js";
import { keyAnswer } from "../instrument/instrument-lookup.js";
import type { ProfileAnswers } from "../instrument/profile-answers.js";
import { readAnswer, type IgnoredAnswer } from "../instrument/read-answer.js";
import { MODEL_THRESHOLDS } from "../model-thresholds.js";
import { describeInfluences, rankInfluences, selectStrongest } from "./explain-influence.js";
import type { DimensionScore } from "./score-types.js";
import { tooFewAnswersMessage } from "./score-text.js";

/** Rescale a keyed mean on the instrument scale to 0–100: (mean − min) / (max − min) · 100. */
export function rescaleToHundred(mean: number, scaleMin = 1, scaleMax = 7): number {
  return ((mean - scaleMin) / (scaleMax - scaleMin)) * 100;
}

/** 0–100 score of `count` keyed answers summing to `keyedSum`, as one division of whole numbers so it is exact where it can be. */
export function rescaleKeyedSum(keyedSum: number, count: number, scaleMin = 1, scaleMax = 7): number {
  return ((keyedSum - count * scaleMin) * 100) / (count * (scaleMax - scaleMin));
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
  const ignoredAnswers: IgnoredAnswer[] = [];
  for (const entry of items) {
    const reading = readAnswer(instrument, answers, entry.id);
    // An out-of-range or fractional value is set aside and reported, never scored: it would push a score past 0–100.
    if (reading.status === "invalid") ignoredAnswers.push({ itemId: entry.id, reason: reading.reason });
    if (reading.status !== "answered") continue;
    answered += 1;
    keyedSum += keyAnswer(entry, reading.value, instrument.scale.min, instrument.scale.max);
  }
  const needed = countMinimumAnswered(total);
  if (total === 0 || answered < needed) {
    return {
      key,
      status: "missing",
      reason: "too-few-answers",
      message: tooFewAnswersMessage(displayName, { needed, total, answered }, "en"),
      answered,
      total,
      ignoredAnswers,
    };
  }
  const influences = selectStrongest(rankInfluences(instrument, items, answers));
  return {
    key,
    status: "scored",
    score: rescaleKeyedSum(keyedSum, answered, instrument.scale.min, instrument.scale.max),
    answered,
    total,
    ignoredAnswers,
    isProrated: answered < total,
    explanation: { text: describeInfluences(influences, displayName), influences },
  };
}
