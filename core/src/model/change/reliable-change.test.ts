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

  it("the RCI sign follows the change and |RCI| > 1.96 decides reliability", () => {
    fc.assert(
      fc.property(score, score, fc.double({ min: 0, max: 0.99, noNaN: true }), fc.double({ min: 1, max: 40, noNaN: true }), (x1, x2, reliability, sd) => {
        const change = computeReliableChange(x1, x2, { reliability, sd, source: "provisional" });
        expect(Math.sign(change.rci)).toBe(Math.sign(x2 - x1));
        expect(change.isReliable).toBe(Math.abs(change.rci) > 1.96);
        if (!change.isReliable) expect(change.classification).toBe("no-reliable-change");
        else expect(change.classification).toBe(x2 > x1 ? "improved" : "deteriorated");
      }),
    );
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
