import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { keyAnswer, listDimensionItems } from "../instrument/instrument-lookup.js";
import { INTERDEPENDENCE_PROFILE_V1 as PROFILE } from "../instrument/profile-v1.js";
import { addCoMomentRow, computeCovariance, createCoMoments, mergeCoMoments, type CoMoments } from "./co-moments.js";
import { PROVISIONAL_NORMS } from "../provisional-norms.js";
import {
  addPsychometricsResponse,
  createPsychometricsAccumulator,
  deriveDeploymentNorms,
  mergePsychometricsAccumulators,
  summarisePsychometrics,
  type DimensionPsychometrics,
} from "./profile-psychometrics.js";
import { computeCronbachAlpha, computeItemStatistics } from "./reliability-stats.js";

function accumulate(rows: readonly number[][], k: number): CoMoments {
  const acc = createCoMoments(k);
  for (const row of rows) addCoMomentRow(acc, row);
  return acc;
}

/** Two-pass reference: means first, then centred sums. */
function twoPassCovariance(rows: readonly number[][], k: number): { mean: number[]; cov: number[] } {
  const n = rows.length;
  const mean = Array.from({ length: k }, (_, i) => rows.reduce((sum, row) => sum + (row[i] as number), 0) / n);
  const cov = new Array<number>(k * k).fill(0);
  for (const row of rows)
    for (let i = 0; i < k; i += 1)
      for (let j = 0; j < k; j += 1)
        cov[i * k + j] = (cov[i * k + j] as number) + ((row[i] as number) - (mean[i] as number)) * ((row[j] as number) - (mean[j] as number));
  return { mean, cov: cov.map((value) => value / (n - 1)) };
}

function pearson(xs: number[], ys: number[]): number {
  const n = xs.length;
  const mx = xs.reduce((a, b) => a + b) / n;
  const my = ys.reduce((a, b) => a + b) / n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i += 1) {
    sxy += ((xs[i] as number) - mx) * ((ys[i] as number) - my);
    sxx += ((xs[i] as number) - mx) ** 2;
    syy += ((ys[i] as number) - my) ** 2;
  }
  return sxy / Math.sqrt(sxx * syy);
}

const likertRows = (k: number, minRows = 2) =>
  fc.array(fc.array(fc.integer({ min: 1, max: 7 }), { minLength: k, maxLength: k }), { minLength: minRows, maxLength: 60 });

// The worked example in docs/model.md, "Cronbach's alpha by hand".
const WORKED = [
  [2, 3, 2],
  [4, 5, 4],
  [6, 5, 6],
  [4, 3, 4],
];

describe("Cronbach's alpha", () => {
  it("worked example: item variances 8/3, 4/3, 8/3; total variance 52/3; alpha = 12/13", () => {
    const cov = computeCovariance(accumulate(WORKED, 3));
    if (cov === null) throw new Error("no covariance");
    expect(cov[0]).toBeCloseTo(8 / 3, 12);
    expect(cov[4]).toBeCloseTo(4 / 3, 12);
    expect(cov[8]).toBeCloseTo(8 / 3, 12);
    expect(Array.from(cov).reduce((a, b) => a + b)).toBeCloseTo(52 / 3, 12);
    expect(computeCronbachAlpha(cov, 3)).toBeCloseTo(12 / 13, 12); // 0.923077
  });

  it("worked example item statistics: corrected item–total and alpha-if-deleted", () => {
    const acc = accumulate(WORKED, 3);
    const cov = computeCovariance(acc);
    if (cov === null) throw new Error("no covariance");
    const stats = computeItemStatistics(cov, acc.mean, 3);
    // Item 1 against items 2+3 (rests 5, 9, 11, 7): r = 0.9487; alpha without item 2 = 2·(1 − (16/3)/(32/3)) = 1.
    expect(stats[0]?.correctedItemTotal).toBeCloseTo(pearson([2, 4, 6, 4], [5, 9, 11, 7]), 12);
    expect(stats[0]?.correctedItemTotal).toBeCloseTo(0.948683, 6);
    expect(stats[1]?.alphaIfDeleted).toBeCloseTo(1, 12);
    expect(stats.map((entry) => entry.mean)).toEqual([4, 4, 4]);
  });

  it("identical items have alpha 1", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 7 }), { minLength: 2, maxLength: 50 }), fc.integer({ min: 2, max: 6 }), (column, k) => {
        fc.pre(new Set(column).size > 1);
        const cov = computeCovariance(
          accumulate(
            column.map((value) => new Array<number>(k).fill(value)),
            k,
          ),
        );
        expect(computeCronbachAlpha(cov as Float64Array, k)).toBeCloseTo(1, 9);
      }),
    );
  });

  it("is invariant under item order", () => {
    fc.assert(
      fc.property(likertRows(4), fc.constantFrom([0, 1, 2, 3], [3, 2, 1, 0], [2, 0, 3, 1], [1, 3, 0, 2]), (rows, permutation) => {
        const a = computeCovariance(accumulate(rows, 4));
        const b = computeCovariance(
          accumulate(
            rows.map((row) => permutation.map((index) => row[index] as number)),
            4,
          ),
        );
        const alphaA = a === null ? null : computeCronbachAlpha(a, 4);
        const alphaB = b === null ? null : computeCronbachAlpha(b, 4);
        if (alphaA === null || alphaB === null) expect(alphaA).toBe(alphaB);
        else expect(alphaB).toBeCloseTo(alphaA, 9);
      }),
    );
  });

  it("is null when every row has the same total", () => {
    const cov = computeCovariance(
      accumulate(
        [
          [1, 7],
          [7, 1],
          [4, 4],
        ],
        2,
      ),
    );
    expect(computeCronbachAlpha(cov as Float64Array, 2)).toBeNull();
  });

  it("corrected item–total matches a direct Pearson correlation with the rest score", () => {
    fc.assert(
      fc.property(likertRows(4, 3), (rows) => {
        const acc = accumulate(rows, 4);
        const stats = computeItemStatistics(computeCovariance(acc) as Float64Array, acc.mean, 4);
        for (let i = 0; i < 4; i += 1) {
          const item = rows.map((row) => row[i] as number);
          const rest = rows.map((row) => row.reduce((a, b) => a + b) - (row[i] as number));
          const direct = pearson(item, rest);
          if (!Number.isFinite(direct)) expect(stats[i]?.correctedItemTotal).toBeNull();
          else expect(stats[i]?.correctedItemTotal).toBeCloseTo(direct, 9);
        }
      }),
    );
  });
});

describe("one-pass mergeable accumulators", () => {
  it("merged chunks equal a two-pass reference to 1e-9", () => {
    fc.assert(
      fc.property(likertRows(5), fc.array(fc.nat(), { maxLength: 4 }), (rows, cuts) => {
        // Split the rows into up to five chunks at arbitrary points and merge in order.
        const points = [...new Set(cuts.map((cut) => cut % (rows.length + 1)))].sort((a, b) => a - b);
        const bounds = [0, ...points, rows.length];
        let merged = createCoMoments(5);
        for (let index = 0; index + 1 < bounds.length; index += 1) merged = mergeCoMoments(merged, accumulate(rows.slice(bounds[index], bounds[index + 1]), 5));
        const reference = twoPassCovariance(rows, 5);
        const cov = computeCovariance(merged) as Float64Array;
        expect(merged.n).toBe(rows.length);
        for (let i = 0; i < 5; i += 1) expect(Math.abs((merged.mean[i] as number) - (reference.mean[i] as number))).toBeLessThan(1e-9);
        for (let i = 0; i < 25; i += 1) expect(Math.abs((cov[i] as number) - (reference.cov[i] as number))).toBeLessThan(1e-9);
      }),
    );
  });

  it("merging with an empty accumulator changes nothing", () => {
    const acc = accumulate(WORKED, 3);
    const merged = mergeCoMoments(createCoMoments(3), acc);
    expect(Array.from(merged.comoment)).toEqual(Array.from(acc.comoment));
    expect(() => mergeCoMoments(createCoMoments(2), acc)).toThrow(RangeError);
  });
});

describe("profile psychometrics", () => {
  const answerRow = (values: number[]) => Object.fromEntries(PROFILE.items.map((entry, index) => [entry.id, values[index % values.length] as number]));

  it("keys reverse items, drops incomplete rows listwise per dimension, and reports the score scale", () => {
    const acc = createPsychometricsAccumulator(PROFILE);
    const rows = [answerRow([1, 2, 3]), answerRow([4, 5, 6, 7]), answerRow([7, 6]), answerRow([2, 2, 5, 1, 3])];
    for (const row of rows) addPsychometricsResponse(acc, row);
    const incomplete = { ...answerRow([3]) };
    delete incomplete["close-1"];
    addPsychometricsResponse(acc, incomplete);
    const summary = summarisePsychometrics(acc);
    const close = summary.find((entry) => entry.dimension === "CLOSE");
    expect(close?.n).toBe(4);
    expect(close?.excludedIncomplete).toBe(1);
    expect(summary.find((entry) => entry.dimension === "VOICE")?.n).toBe(5);
    // Reference: keyed CLOSE rows, mean 0–100 score and its SD.
    const items = listDimensionItems(PROFILE, "CLOSE");
    const scores = rows.map((row) => ((items.reduce((sum, entry) => sum + keyAnswer(entry, row[entry.id] as number), 0) / items.length - 1) / 6) * 100);
    const mean = scores.reduce((a, b) => a + b) / scores.length;
    const sd = Math.sqrt(scores.reduce((a, b) => a + (b - mean) ** 2, 0) / (scores.length - 1));
    expect(close?.mean).toBeCloseTo(mean, 9);
    expect(close?.sd).toBeCloseTo(sd, 9);
    // These rows give CLOSE a positive alpha below 1, so the SEM check always runs.
    expect(close?.alpha).toBeGreaterThan(0);
    expect(close?.alpha).toBeLessThan(1);
    expect(close?.sem).toBeCloseTo((close?.sd ?? Number.NaN) * Math.sqrt(1 - (close?.alpha ?? Number.NaN)), 9);
    expect(close?.items.map((entry) => entry.itemId)).toEqual(items.map((entry) => entry.id));
  });

  it("SEM is null when alpha is negative (it would exceed the SD)", () => {
    const acc = createPsychometricsAccumulator(PROFILE);
    // Keyed CLOSE items that pull against each other: alpha < 0.
    const keyedRows = [
      [1, 7, 1, 7, 1],
      [7, 1, 7, 1, 7],
      [2, 6, 2, 6, 3],
      [6, 2, 6, 2, 5],
    ];
    const items = listDimensionItems(PROFILE, "CLOSE");
    for (const row of keyedRows)
      addPsychometricsResponse(acc, Object.fromEntries(items.map((entry, index) => [entry.id, keyAnswer(entry, row[index] as number)])));
    const close = summarisePsychometrics(acc).find((entry) => entry.dimension === "CLOSE");
    expect(close?.alpha).toBeLessThan(0);
    expect(close?.sd).toBeGreaterThan(0);
    expect(close?.sem).toBeNull();
  });

  it("treats invalid values as unanswered, leaving the row out of that dimension", () => {
    const acc = createPsychometricsAccumulator(PROFILE);
    addPsychometricsResponse(acc, { ...answerRow([4, 5]), "close-1": 12 });
    addPsychometricsResponse(acc, { ...answerRow([4, 5]), "close-2": 2.5 });
    const close = summarisePsychometrics(acc).find((entry) => entry.dimension === "CLOSE");
    expect(close).toMatchObject({ n: 0, excludedIncomplete: 2 });
  });

  it("merging two accumulators equals feeding all rows to one", () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.integer({ min: 1, max: 7 }), { minLength: PROFILE.items.length, maxLength: PROFILE.items.length }), {
          minLength: 3,
          maxLength: 30,
        }),
        fc.nat(),
        (rows, cut) => {
          const split = cut % rows.length;
          const whole = createPsychometricsAccumulator(PROFILE);
          const left = createPsychometricsAccumulator(PROFILE);
          const right = createPsychometricsAccumulator(PROFILE);
          rows.forEach((row, index) => {
            const answers = Object.fromEntries(PROFILE.items.map((entry, column) => [entry.id, row[column] as number]));
            addPsychometricsResponse(whole, answers);
            addPsychometricsResponse(index < split ? left : right, answers);
          });
          const a = summarisePsychometrics(whole);
          const b = summarisePsychometrics(mergePsychometricsAccumulators(left, right));
          a.forEach((entry, index) => {
            const other = b[index];
            expect(other?.n).toBe(entry.n);
            for (const key of ["alpha", "mean", "sd", "sem"] as const) {
              // SEM is compared squared: sqrt(1 − alpha) is ill-conditioned when alpha is within rounding of 1.
              const x = key === "sem" && entry.sem !== null ? entry.sem ** 2 : entry[key];
              const y = key === "sem" && typeof other?.sem === "number" ? other.sem ** 2 : other?.[key];
              if (x === null || y === null || y === undefined) expect(y).toBe(x);
              else expect(Math.abs(x - y), `${entry.dimension} ${key} ${x} ${y}`).toBeLessThan(1e-9 * Math.max(1, Math.abs(x)));
            }
          });
        },
      ),
      { numRuns: 50 },
    );
  });

  it("deployment norms replace provisional ones only with enough rows", () => {
    const acc = createPsychometricsAccumulator(PROFILE);
    for (let index = 0; index < 40; index += 1) {
      const level = 1 + (index % 7);
      addPsychometricsResponse(
        acc,
        Object.fromEntries(
          PROFILE.items.map((entry, column) => [entry.id, Math.min(7, Math.max(1, (entry.isReverse ? 8 - level : level) + ((column + index) % 3) - 1))]),
        ),
      );
    }
    const summary = summarisePsychometrics(acc);
    const norms = deriveDeploymentNorms(summary, 30);
    expect(norms.CLOSE.source).toBe("deployment");
    expect(norms.CLOSE.reliability).toBeCloseTo(summary.find((entry) => entry.dimension === "CLOSE")?.alpha as number, 12);
    expect(norms.WE.source).toBe("provisional");
    expect(deriveDeploymentNorms(summary, 1000).CLOSE.source).toBe("provisional");
  });

  it("never derives norms that would make reliable change divide by zero: SD 0, reliability 1, NaN", () => {
    const entry = (alpha: number | null, sd: number | null): DimensionPsychometrics => ({
      dimension: "CLOSE",
      n: 500,
      excludedIncomplete: 0,
      alpha,
      mean: 50,
      sd,
      sem: null,
      items: [],
    });
    for (const [alpha, sd] of [
      [0.8, 0],
      [1, 12],
      [Number.NaN, 12],
      [0.8, Number.NaN],
      [0.8, Number.POSITIVE_INFINITY],
      [0.8, -1],
    ] as const) {
      expect(deriveDeploymentNorms([entry(alpha, sd)], 100).CLOSE, `${alpha} ${sd}`).toEqual(PROVISIONAL_NORMS.CLOSE);
    }
    expect(deriveDeploymentNorms([entry(0.8, 12)], 100).CLOSE).toEqual({ reliability: 0.8, sd: 12, source: "deployment" });
  });
});
