import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { INTERDEPENDENCE_PROFILE_V1 as PROFILE } from "../instrument/profile-v1.js";
import { PROVISIONAL_NORMS } from "../provisional-norms.js";
import { scoreProfile } from "../scoring/score-profile.js";
import { classifyChange, computeReliableChange } from "./reliable-change.js";

// Scores in hundredths: realistic values without sub-normal differences that underflow to 0.
const score = fc.integer({ min: 0, max: 10_000 }).map((value) => value / 100);

describe("Jacobson–Truax reliable change", () => {
  it("worked example from docs/model.md: SD 15, r .84, 40 → 58", () => {
    const change = computeReliableChange(40, 58, { sd: 15, reliability: 0.84, source: "deployment" });
    expect(change.sem).toBeCloseTo(6, 12); // 15·sqrt(0.16) = 15·0.4
    expect(change.sDiff).toBeCloseTo(8.4853, 4); // sqrt(2·36) = sqrt(72)
    expect(change.rci).toBeCloseTo(2.1213, 4); // 18 / 8.4853
    expect(change.isReliable).toBe(true);
    expect(change.classification).toBe("improved");
    expect(change.source).toBe("deployment");
  });

  it("worked example for RELY (lower is better), provisional SD 18, r .80: 60 → 45", () => {
    const change = computeReliableChange(60, 45, PROVISIONAL_NORMS.RELY, true);
    expect(change.sem).toBeCloseTo(8.0498, 4); // 18·sqrt(0.2)
    expect(change.sDiff).toBeCloseTo(11.3842, 4); // sqrt(2)·8.0498
    expect(change.rci).toBeCloseTo(-1.3176, 4); // −15 / 11.3842
    expect(change.classification).toBe("no-reliable-change");
    expect(change.source).toBe("provisional");
  });

  it("for RELY a reliable fall is an improvement and a reliable rise a deterioration", () => {
    expect(computeReliableChange(80, 30, PROVISIONAL_NORMS.RELY, true).classification).toBe("improved");
    expect(computeReliableChange(30, 80, PROVISIONAL_NORMS.RELY, true).classification).toBe("deteriorated");
  });

  it("matches an independent formula: |x2 − x1| > 1.96 · SD · sqrt(2 · (1 − r)) decides reliability", () => {
    fc.assert(
      fc.property(score, score, fc.integer({ min: 0, max: 99 }), fc.integer({ min: 1, max: 40 }), (x1, x2, percent, sd) => {
        const reliability = percent / 100;
        const change = computeReliableChange(x1, x2, { reliability, sd, source: "provisional" });
        // Rearranged by hand: the smallest reliable difference, without S_diff or the RCI itself.
        const smallestReliable = 1.96 * sd * Math.sqrt(2 * (1 - reliability));
        const gap = Math.abs(x2 - x1);
        // Skip the knife edge, where either side of float rounding is acceptable.
        fc.pre(Math.abs(gap - smallestReliable) > 1e-9);
        expect(change.isReliable).toBe(gap > smallestReliable);
        expect(change.rci).toBeCloseTo((x2 - x1) / (sd * Math.sqrt(2 - 2 * reliability)), 9);
        expect(change.classification).toBe(gap <= smallestReliable ? "no-reliable-change" : x2 > x1 ? "improved" : "deteriorated");
      }),
    );
  });

  it("known values either side of the cut: SD 10, r .5 → smallest reliable change 19.6", () => {
    // SEM = 10·sqrt(.5) = 7.0711; S_diff = 10; RCI = change / 10.
    const params = { reliability: 0.5, sd: 10, source: "provisional" as const };
    expect(computeReliableChange(50, 69.5, params)).toMatchObject({
      rci: expect.closeTo(1.95, 12) as number,
      isReliable: false,
      classification: "no-reliable-change",
    });
    expect(computeReliableChange(50, 69.7, params)).toMatchObject({ rci: expect.closeTo(1.97, 12) as number, isReliable: true, classification: "improved" });
    expect(computeReliableChange(50, 30.3, params)).toMatchObject({ isReliable: true, classification: "deteriorated" });
  });

  it("classifies every score present in both profiles, We and Me included", () => {
    const low = Object.fromEntries(PROFILE.items.map((entry) => [entry.id, entry.isReverse ? 6 : 2]));
    const high = Object.fromEntries(PROFILE.items.map((entry) => [entry.id, entry.isReverse ? 2 : 6]));
    const result = classifyChange(scoreProfile(PROFILE, low), scoreProfile(PROFILE, high));
    expect(result.CLOSE?.classification).toBe("improved");
    expect(result.WE?.classification).toBe("improved");
    expect(result.ME?.classification).toBe("improved");
    // RELY went up from 16.7 to 83.3: more reliance is worse.
    expect(result.RELY?.classification).toBe("deteriorated");
    expect(result.CLOSE?.source).toBe("provisional");
  });

  it("skips scores missing in either profile", () => {
    const result = classifyChange(scoreProfile(PROFILE, {}), scoreProfile(PROFILE, { "close-1": 4 }));
    expect(result).toEqual({});
  });
});
