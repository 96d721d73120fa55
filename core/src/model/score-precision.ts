// Scores are floats, so a difference of two of them can land a hair off an exact cut-off
// (33.333… − 13.333… = 19.999999999999996). Every threshold comparison rounds first: nine decimals
// is far below any difference a person could mean, and far above double-precision noise on 0–100.

const SCALE = 1e9;

/** Round a score or a difference of scores before comparing it with a threshold. */
export function roundForComparison(value: number): number {
  return Math.round(value * SCALE) / SCALE;
}
