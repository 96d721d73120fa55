import { PRACTICE_NORMS_MINIMUM_N, PRACTICE_STATISTICS_MINIMUM_N, type PracticePsychometricsResponse } from "@mutual/core";
import { mayShowItemStatistics, mayShowStatistics } from "./practice-psychometrics.policy.js";
import type { PracticeNorms } from "./practice-psychometrics.service.js";

const round = (value: number | null, digits = 3): number | null => (value === null || !Number.isFinite(value) ? null : Number(value.toFixed(digits)));

/** Aggregates and N, field by field; a dimension of too few people shows its N only. */
export function presentPracticePsychometrics(value: PracticeNorms): PracticePsychometricsResponse {
  return {
    instrument: { id: value.instrument.id, version: value.instrument.version },
    minimumN: PRACTICE_NORMS_MINIMUM_N,
    statisticsMinimumN: PRACTICE_STATISTICS_MINIMUM_N,
    normSource: value.normSource,
    respondents: value.respondents,
    computedAt: new Date(value.computedAt).toISOString(),
    dimensions: value.summary.map((entry) => {
      const isShown = mayShowStatistics(entry.n);
      const isUsedForChange = value.norms[entry.dimension].source === "deployment";
      if (!isShown) {
        return {
          dimension: entry.dimension,
          n: entry.n,
          excludedIncomplete: entry.excludedIncomplete,
          isShown,
          isUsedForChange,
          alpha: null,
          mean: null,
          sd: null,
          sem: null,
          items: [],
        };
      }
      return {
        dimension: entry.dimension,
        n: entry.n,
        excludedIncomplete: entry.excludedIncomplete,
        isShown,
        isUsedForChange,
        alpha: round(entry.alpha),
        mean: round(entry.mean, 1),
        sd: round(entry.sd, 1),
        sem: round(entry.sem, 1),
        items: entry.items.map((item) => ({
          itemId: item.itemId,
          // One decimal and only from 50 people: a join or leave then vanishes in the rounding.
          mean: mayShowItemStatistics(entry.n) ? round(item.mean, 1) : null,
          sd: mayShowItemStatistics(entry.n) ? round(item.sd, 1) : null,
          correctedItemTotal: round(item.correctedItemTotal),
          alphaIfDeleted: round(item.alphaIfDeleted),
        })),
      };
    }),
  };
}
