// Jacobson–Truax reliable change: is a difference between two scores bigger than measurement noise?
import { MODEL_THRESHOLDS } from "../model-thresholds.js";
import { computeSem, PROVISIONAL_NORMS, type NormSource, type ReliabilityParams, type ScoreKey, type ScoreNorms } from "../provisional-norms.js";
import { scoreNumbersOf } from "../scoring/score-summary.js";
import type { Profile } from "../scoring/score-types.js";

export type ChangeClass = "improved" | "no-reliable-change" | "deteriorated";

export type ReliableChange = {
  before: number;
  after: number;
  sem: number;
  sDiff: number;
  rci: number;
  isReliable: boolean;
  classification: ChangeClass;
  source: NormSource;
};

/** RCI = (x2 − x1) / S_diff with S_diff = sqrt(2·SEM²) and SEM = SD·sqrt(1 − r). */
export function computeReliableChange(before: number, after: number, params: ReliabilityParams, isLowerBetter = false): ReliableChange {
  const sem = computeSem(params);
  const sDiff = Math.sqrt(2 * sem * sem);
  // A perfectly reliable score has no noise: any change is real. Guard the division, keep the sign.
  const rci = sDiff === 0 ? (after === before ? 0 : Math.sign(after - before) * Number.POSITIVE_INFINITY) : (after - before) / sDiff;
  const isReliable = Math.abs(rci) > MODEL_THRESHOLDS.change.rciCritical;
  const better = isLowerBetter ? rci < 0 : rci > 0;
  return {
    before,
    after,
    sem,
    sDiff,
    rci,
    isReliable,
    classification: !isReliable ? "no-reliable-change" : better ? "improved" : "deteriorated",
    source: params.source,
  };
}

/** Scores where a fall is the good direction. */
export const LOWER_IS_BETTER: ReadonlySet<ScoreKey> = new Set<ScoreKey>(["RELY", "CODEPENDENCY"]);

/** Reliable change for every score present (a number) in both sets of scores. */
export function classifyScoreChange(
  before: Partial<Record<ScoreKey, number | null>>,
  after: Partial<Record<ScoreKey, number | null>>,
  norms: ScoreNorms = PROVISIONAL_NORMS,
): Partial<Record<ScoreKey, ReliableChange>> {
  const result: Partial<Record<ScoreKey, ReliableChange>> = {};
  for (const key of Object.keys(norms) as ScoreKey[]) {
    const x1 = before[key];
    const x2 = after[key];
    if (x1 === undefined || x1 === null || x2 === undefined || x2 === null) continue;
    result[key] = computeReliableChange(x1, x2, norms[key], LOWER_IS_BETTER.has(key));
  }
  return result;
}

/** Reliable change for every score present in both profiles. */
export function classifyChange(before: Profile, after: Profile, norms: ScoreNorms = PROVISIONAL_NORMS): Partial<Record<ScoreKey, ReliableChange>> {
  return classifyScoreChange(scoreNumbersOf(before), scoreNumbersOf(after), norms);
}
