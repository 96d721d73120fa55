// Streaming psychometrics for the profile: one co-moment accumulator per dimension, mergeable across workers.
import type { Instrument, ScoredDimensionCode } from "../instrument/instrument-types.js";
import { SCORED_DIMENSIONS } from "../instrument/instrument-types.js";
import { keyAnswer, listDimensionItems } from "../instrument/instrument-lookup.js";
import type { ProfileAnswers } from "../instrument/profile-answers.js";
import { readValidAnswer } from "../instrument/read-answer.js";
import { computeSem, PROVISIONAL_NORMS, type ScoreNorms } from "../provisional-norms.js";
import { addCoMomentRow, computeCovariance, createCoMoments, mergeCoMoments, type CoMoments } from "./co-moments.js";
import { computeCronbachAlpha, isVarianceNoise, computeItemStatistics, type ItemStatistics } from "./reliability-stats.js";

export type DimensionAccumulator = {
  itemIds: readonly string[];
  isReverse: readonly boolean[];
  moments: CoMoments;
  /** Rows with at least one but not every item of this dimension answered: left out listwise. */
  excludedIncomplete: number;
  scratchRow: Float64Array;
  scratchDelta: Float64Array;
};

export type PsychometricsAccumulator = {
  instrumentId: string;
  instrumentVersion: string;
  scaleMin: number;
  scaleMax: number;
  dimensions: Record<ScoredDimensionCode, DimensionAccumulator>;
  /** Kept so answers can be checked against the instrument's own scale. */
  instrument: Instrument;
};

export type DimensionPsychometrics = {
  dimension: ScoredDimensionCode;
  n: number;
  excludedIncomplete: number;
  alpha: number | null;
  /** Mean, SD and SEM of the 0–100 dimension score among complete rows. */
  mean: number | null;
  sd: number | null;
  sem: number | null;
  items: Array<Omit<ItemStatistics, "index"> & { itemId: string }>;
};

/** An empty accumulator for every scored dimension (SAFE is never analysed with the profile). */
export function createPsychometricsAccumulator(instrument: Instrument): PsychometricsAccumulator {
  const dimensions = {} as Record<ScoredDimensionCode, DimensionAccumulator>;
  for (const code of SCORED_DIMENSIONS) {
    const items = listDimensionItems(instrument, code);
    dimensions[code] = {
      itemIds: items.map((entry) => entry.id),
      isReverse: items.map((entry) => entry.isReverse),
      moments: createCoMoments(items.length),
      excludedIncomplete: 0,
      scratchRow: new Float64Array(items.length),
      scratchDelta: new Float64Array(items.length),
    };
  }
  return {
    instrumentId: instrument.id,
    instrumentVersion: instrument.version,
    scaleMin: instrument.scale.min,
    scaleMax: instrument.scale.max,
    dimensions,
    instrument,
  };
}

/** Add one respondent's answers; each dimension takes the row only if all its items are validly answered (listwise). */
export function addPsychometricsResponse(acc: PsychometricsAccumulator, answers: ProfileAnswers): void {
  for (const code of SCORED_DIMENSIONS) {
    const dimension = acc.dimensions[code];
    let answered = 0;
    for (let index = 0; index < dimension.itemIds.length; index += 1) {
      // An invalid value counts as unanswered, so one bad row cannot skew a deployment's statistics.
      const answer = readValidAnswer(acc.instrument, answers, dimension.itemIds[index] as string);
      if (answer === undefined) continue;
      dimension.scratchRow[index] = keyAnswer({ isReverse: dimension.isReverse[index] as boolean }, answer, acc.scaleMin, acc.scaleMax);
      answered += 1;
    }
    if (answered === dimension.itemIds.length) addCoMomentRow(dimension.moments, dimension.scratchRow, dimension.scratchDelta);
    else if (answered > 0) dimension.excludedIncomplete += 1;
  }
}

/** Add a complete, already keyed row for one dimension (fast path for bulk loads). */
export function addKeyedDimensionRow(acc: PsychometricsAccumulator, dimension: ScoredDimensionCode, keyedRow: ArrayLike<number>): void {
  const target = acc.dimensions[dimension];
  addCoMomentRow(target.moments, keyedRow, target.scratchDelta);
}

/** Merge two accumulators built over disjoint respondents of the same instrument version. */
export function mergePsychometricsAccumulators(a: PsychometricsAccumulator, b: PsychometricsAccumulator): PsychometricsAccumulator {
  if (a.instrumentId !== b.instrumentId || a.instrumentVersion !== b.instrumentVersion) {
    throw new RangeError("Psychometrics from different instrument versions cannot be merged");
  }
  const dimensions = {} as Record<ScoredDimensionCode, DimensionAccumulator>;
  for (const code of SCORED_DIMENSIONS) {
    const left = a.dimensions[code];
    const right = b.dimensions[code];
    dimensions[code] = {
      itemIds: left.itemIds,
      isReverse: left.isReverse,
      moments: mergeCoMoments(left.moments, right.moments),
      excludedIncomplete: left.excludedIncomplete + right.excludedIncomplete,
      scratchRow: new Float64Array(left.itemIds.length),
      scratchDelta: new Float64Array(left.itemIds.length),
    };
  }
  return { ...a, dimensions };
}

/** Alpha, item statistics, and mean/SD/SEM of the 0–100 score, for every dimension. */
export function summarisePsychometrics(acc: PsychometricsAccumulator): DimensionPsychometrics[] {
  const range = acc.scaleMax - acc.scaleMin;
  return SCORED_DIMENSIONS.map((code) => {
    const { moments, itemIds, excludedIncomplete } = acc.dimensions[code];
    const k = moments.k;
    const cov = computeCovariance(moments);
    const base = { dimension: code, n: moments.n, excludedIncomplete };
    if (cov === null) return { ...base, alpha: null, mean: null, sd: null, sem: null, items: [] };
    const alpha = computeCronbachAlpha(cov, k, undefined, moments.mean);
    let totalVariance = 0;
    let itemVariance = 0;
    let totalMean = 0;
    for (let i = 0; i < k; i += 1) {
      totalMean += moments.mean[i] as number;
      itemVariance += cov[i * k + i] as number;
      for (let j = 0; j < k; j += 1) totalVariance += cov[i * k + j] as number;
    }
    // Same tolerance as alpha: a total variance that is rounding noise is zero. Without it, sqrt turns
    // 1e-15 of noise into an SD of 3e-8 that depends on how the rows were chunked.
    if (isVarianceNoise(totalVariance, totalMean, itemVariance)) totalVariance = 0;
    // Score = (total/k − min)/range·100, a linear map of the total, so mean and SD follow directly.
    const mean = ((totalMean / k - acc.scaleMin) / range) * 100;
    const sd = (Math.sqrt(Math.max(0, totalVariance)) / k / range) * 100;
    // A negative alpha would make SD·sqrt(1 − alpha) larger than the SD itself: meaningless, so no SEM.
    // An alpha of exactly 0 can come out as ±1e-16 depending on how rows were chunked: only a
    // clearly negative alpha counts as negative.
    const sem = alpha === null || alpha < -1e-9 ? null : computeSem({ sd, reliability: Math.min(1, Math.max(0, alpha)) });
    const items = computeItemStatistics(cov, moments.mean, k).map(({ index, ...rest }) => ({ itemId: itemIds[index] as string, ...rest }));
    return { ...base, alpha, mean, sd, sem, items };
  });
}

/**
 * Replace provisional reliability/SD with deployment estimates where enough complete rows exist.
 * Only usable figures: a finite alpha strictly between 0 and 1 and a finite SD above 0. An SD of 0
 * (everyone answered alike) or a reliability of 1 makes the SEM 0, and reliable change would then
 * divide by zero (an infinite or NaN RCI); such a dimension keeps its fallback.
 */
export function deriveDeploymentNorms(summary: readonly DimensionPsychometrics[], minRows: number, fallback: ScoreNorms = PROVISIONAL_NORMS): ScoreNorms {
  const norms = { ...fallback };
  for (const entry of summary) {
    if (entry.n < minRows || entry.alpha === null || entry.sd === null) continue;
    if (!Number.isFinite(entry.alpha) || entry.alpha <= 0 || entry.alpha >= 1 || !Number.isFinite(entry.sd) || entry.sd <= 0) continue;
    norms[entry.dimension] = { reliability: entry.alpha, sd: entry.sd, source: "deployment" };
  }
  return norms;
}
