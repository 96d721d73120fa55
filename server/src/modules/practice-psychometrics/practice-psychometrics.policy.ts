// Pure rules of the instrument on a practice's own clients (decision 017): which norms reliable
// change uses, and which statistics may be shown to the practice's owners and admins.
import {
  PRACTICE_ITEM_STATISTICS_MINIMUM_N,
  PRACTICE_PUBLISH_STEP_N,
  PRACTICE_STATISTICS_MINIMUM_N,
  SCORED_DIMENSIONS,
  type NormSource,
  type ScoreNorms,
} from "@mutual/core";

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

/** Item means and SDs only from PRACTICE_ITEM_STATISTICS_MINIMUM_N complete responses (decision 017). */
export function mayShowItemStatistics(n: number): boolean {
  return n >= PRACTICE_ITEM_STATISTICS_MINIMUM_N;
}

/**
 * Whether figures computed over `current` people may replace the ones last published over
 * `published` (null: nothing published yet). Only once N moved by PRACTICE_PUBLISH_STEP_N either
 * way, so an admin never sees two sets of figures that differ by one person joining or leaving.
 */
export function mayPublish(published: number | null, current: number): boolean {
  return published === null || Math.abs(current - published) >= PRACTICE_PUBLISH_STEP_N;
}
