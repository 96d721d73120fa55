// Cronbach's alpha and item statistics, computed from a covariance matrix so they need no raw rows.

export type ItemStatistics = {
  index: number;
  mean: number;
  sd: number;
  /** Correlation of the item with the sum of the other items. */
  correctedItemTotal: number | null;
  /** Alpha of the remaining items if this one were dropped. */
  alphaIfDeleted: number | null;
};

function at(cov: ArrayLike<number>, k: number, i: number, j: number): number {
  return cov[i * k + j] as number;
}

/**
 * True when a variance is rounding noise. Co-moments carry errors relative to the data's
 * second raw moment (mean² + variance), not to the variance, so that is the yardstick:
 * items that vary while their total never does leave noise far above 1e-12·variance.
 * For integer answers any real non-zero variance over n rows is at least about 1/n, so the
 * tolerance leaves real variance alone for any realistic n.
 */
export function isVarianceNoise(variance: number, mean: number, spread: number): boolean {
  return variance <= 1e-12 * Math.max(1, mean * mean + Math.abs(spread));
}

/** Cronbach's alpha over the variables in `keep` (default all): k/(k−1)·(1 − Σσ²ᵢ/σ²_total). */
export function computeCronbachAlpha(cov: ArrayLike<number>, k: number, keep?: readonly number[], means?: ArrayLike<number>): number | null {
  const indices = keep ?? Array.from({ length: k }, (_, index) => index);
  const m = indices.length;
  if (m < 2) return null;
  let itemVariance = 0;
  let totalVariance = 0;
  let totalMean = 0;
  for (const i of indices) {
    itemVariance += at(cov, k, i, i);
    totalMean += means ? (means[i] as number) : 0;
    for (const j of indices) totalVariance += at(cov, k, i, j);
  }
  // A total variance that is rounding noise means every row had the same total.
  if (isVarianceNoise(totalVariance, totalMean, itemVariance)) return null;
  return (m / (m - 1)) * (1 - itemVariance / totalVariance);
}

/** Per-item statistics from a covariance matrix and item means. */
export function computeItemStatistics(cov: ArrayLike<number>, means: ArrayLike<number>, k: number): ItemStatistics[] {
  let totalVariance = 0;
  for (let i = 0; i < k; i += 1) for (let j = 0; j < k; j += 1) totalVariance += at(cov, k, i, j);
  const all = Array.from({ length: k }, (_, index) => index);
  return all.map((i) => {
    const variance = at(cov, k, i, i);
    let covWithTotal = 0;
    for (let j = 0; j < k; j += 1) covWithTotal += at(cov, k, i, j);
    // Rest score = total − item: cov(item, rest) = cov(item, total) − var(item); var(rest) = var(total) − 2cov(item, total) + var(item).
    const covWithRest = covWithTotal - variance;
    const restVariance = totalVariance - 2 * covWithTotal + variance;
    // Variances that are rounding noise relative to the data's scale count as zero (a constant rest score).
    const scale = Math.max(1, totalVariance, variance);
    const denominator = variance <= 1e-12 * scale || restVariance <= 1e-12 * scale ? 0 : Math.sqrt(variance * restVariance);
    return {
      index: i,
      mean: means[i] as number,
      sd: Math.sqrt(Math.max(0, variance)),
      correctedItemTotal: k < 2 || denominator === 0 ? null : covWithRest / denominator,
      alphaIfDeleted: computeCronbachAlpha(
        cov,
        k,
        all.filter((j) => j !== i),
        means,
      ),
    };
  });
}
