// One-pass, mergeable means and co-moments (Welford / Chan et al.): bounded memory over any number of rows.

/** Running count, means and co-moment matrix C[i][j] = Σ (x_i − mean_i)(x_j − mean_j). */
export type CoMoments = {
  k: number;
  n: number;
  mean: Float64Array;
  /** Row-major k × k. */
  comoment: Float64Array;
};

/** An empty accumulator for k variables. */
export function createCoMoments(k: number): CoMoments {
  return { k, n: 0, mean: new Float64Array(k), comoment: new Float64Array(k * k) };
}

/** Add one complete row in place. `scratch` (length k) avoids an allocation per row in hot loops. */
export function addCoMomentRow(acc: CoMoments, row: ArrayLike<number>, scratch: Float64Array = new Float64Array(acc.k)): void {
  const { k, mean, comoment } = acc;
  acc.n += 1;
  const n = acc.n;
  // delta before the mean update, then (x − new mean) after it: the standard stable online covariance.
  for (let i = 0; i < k; i += 1) {
    const delta = (row[i] as number) - (mean[i] as number);
    scratch[i] = delta;
    mean[i] = (mean[i] as number) + delta / n;
  }
  for (let i = 0; i < k; i += 1) {
    const di = scratch[i] as number;
    const base = i * k;
    for (let j = 0; j < k; j += 1) {
      comoment[base + j] = (comoment[base + j] as number) + di * ((row[j] as number) - (mean[j] as number));
    }
  }
}

/** Combine two accumulators over disjoint rows (Chan et al. pairwise update); inputs are left untouched. */
export function mergeCoMoments(a: CoMoments, b: CoMoments): CoMoments {
  if (a.k !== b.k) throw new RangeError(`Cannot merge co-moments of ${a.k} and ${b.k} variables`);
  const k = a.k;
  const merged = createCoMoments(k);
  merged.n = a.n + b.n;
  if (merged.n === 0) return merged;
  const delta = new Float64Array(k);
  for (let i = 0; i < k; i += 1) {
    delta[i] = (b.mean[i] as number) - (a.mean[i] as number);
    merged.mean[i] = (a.mean[i] as number) + ((delta[i] as number) * b.n) / merged.n;
  }
  const factor = (a.n * b.n) / merged.n;
  for (let i = 0; i < k; i += 1) {
    for (let j = 0; j < k; j += 1) {
      const index = i * k + j;
      merged.comoment[index] = (a.comoment[index] as number) + (b.comoment[index] as number) + (delta[i] as number) * (delta[j] as number) * factor;
    }
  }
  return merged;
}

/** Sample covariance matrix (divisor n − 1), or null with fewer than two rows. */
export function computeCovariance(acc: CoMoments): Float64Array | null {
  if (acc.n < 2) return null;
  return acc.comoment.map((value) => value / (acc.n - 1));
}
