// Pure rules of the instrument on a practice's own clients (decision 017): which norms reliable
// change uses, and which statistics may be shown to the practice's owners and admins.
import { PRACTICE_STATISTICS_MINIMUM_N, SCORED_DIMENSIONS, type NormSource, type ScoreNorms } from "@mutual/core";

/** "deployment" when at least one dimension's reliability and SD come from the practice's own clients. */
export function normSourceOf(norms: ScoreNorms): NormSource {
  return SCORED_DIMENSIONS.some((code) => norms[code].source === "deployment") ? "deployment" : "provisional";
}

/**
 * Statistics of fewer than PRACTICE_STATISTICS_MINIMUM_N people are withheld: with a handful of
 * respondents an item mean is close to one person's answer, and admins are not their counsellor.
 */
export function mayShowStatistics(n: number): boolean {
  return n >= PRACTICE_STATISTICS_MINIMUM_N;
}
