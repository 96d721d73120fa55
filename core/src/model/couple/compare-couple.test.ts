import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { INTERDEPENDENCE_PROFILE_V1 as PROFILE } from "../instrument/profile-v1.js";
import { scoreDimension, scoreProfile, screenSafety } from "../scoring/score-profile.js";
import { compareCouple } from "./compare-couple.js";
import { pickSharedScores, sharedScoresSchema, type SharedScores } from "./shared-scores.js";

function scoreOf(answers: Record<string, number>, code: "CLOSE" | "VOICE"): number {
  const result = scoreDimension(PROFILE, code, answers);
  if (result.status !== "scored") throw new Error(`${code} not scored`);
  return result.score;
}

describe("couple comparison", () => {
  it("shows both scores and the difference only where both shared", () => {
    const result = compareCouple({ dimensions: { CLOSE: 70, VOICE: 80 } }, { dimensions: { CLOSE: 45 } });
    const close = result.dimensions.find((entry) => entry.key === "CLOSE");
    expect(close).toEqual({ key: "CLOSE", a: 70, b: 45, difference: -25, isDifferentExperience: true });
    const voice = result.dimensions.find((entry) => entry.key === "VOICE");
    expect(voice).toEqual({ key: "VOICE", a: 80, isDifferentExperience: false });
    expect(result.dimensions.find((entry) => entry.key === "TIES")).toEqual({ key: "TIES", isDifferentExperience: false });
  });

  it("marks different experiences from the documented threshold (20 points)", () => {
    const at = compareCouple({ dimensions: { SELF: 50 } }, { dimensions: { SELF: 70 } });
    const below = compareCouple({ dimensions: { SELF: 50 } }, { dimensions: { SELF: 69.9 } });
    expect(at.dimensions.find((entry) => entry.key === "SELF")?.isDifferentExperience).toBe(true);
    expect(below.dimensions.find((entry) => entry.key === "SELF")?.isDifferentExperience).toBe(false);
  });

  it("exact-threshold differences count, whatever the float rounding of the scores", () => {
    // Keyed sums 10 and 16: 16.67 and 36.67 differ by exactly 20 but subtract to 19.999999999999996 in doubles.
    const low = scoreOf({ "close-1": 2, "close-2": 2, "close-3": 2, "close-4": 6, "close-5": 2 }, "CLOSE");
    const high = scoreOf({ "close-1": 4, "close-2": 3, "close-3": 3, "close-4": 5, "close-5": 3 }, "CLOSE");
    expect(high - low).not.toBe(20);
    const row = compareCouple({ dimensions: { CLOSE: low } }, { dimensions: { CLOSE: high } }).dimensions.find((entry) => entry.key === "CLOSE");
    expect(row).toMatchObject({ difference: 20, isDifferentExperience: true });
    // A VOICE gap of exactly 25 from prorated scores (4 of 5 answered, keyed sums 8 and 14) subtracts to 24.999999999999996.
    const quiet = scoreOf({ "voice-1": 2, "voice-2": 6, "voice-3": 2, "voice-4": 6 }, "VOICE");
    const loud = scoreOf({ "voice-1": 4, "voice-2": 4, "voice-3": 3, "voice-4": 5 }, "VOICE");
    expect(loud - quiet).not.toBe(25);
    expect(compareCouple({ dimensions: { VOICE: quiet } }, { dimensions: { VOICE: loud } }).flags.map((flag) => flag.id)).toEqual(["couple-power-imbalance"]);
    // Just under the threshold still does not fire.
    expect(compareCouple({ dimensions: { VOICE: 50 } }, { dimensions: { VOICE: 74.9999 } }).flags).toEqual([]);
  });

  it("marks a different experience exactly when the keyed sums differ by 6 or more (CLOSE, 5 items)", () => {
    // Independent rule: |Δ score| = |Δ keyed sum| · 100 / 30 ≥ 20  ⇔  |Δ keyed sum| ≥ 6, in whole numbers.
    const keyed = fc.array(fc.integer({ min: 1, max: 7 }), { minLength: 5, maxLength: 5 });
    fc.assert(
      fc.property(keyed, keyed, (x, y) => {
        const toAnswers = (values: number[]) => Object.fromEntries(values.map((value, index) => [`close-${index + 1}`, index === 3 ? 8 - value : value]));
        const sum = (values: number[]) => values.reduce((total, value) => total + value, 0);
        const row = compareCouple(
          { dimensions: { CLOSE: scoreOf(toAnswers(x), "CLOSE") } },
          { dimensions: { CLOSE: scoreOf(toAnswers(y), "CLOSE") } },
        ).dimensions.find((entry) => entry.key === "CLOSE");
        expect(row?.isDifferentExperience).toBe(Math.abs(sum(y) - sum(x)) >= 6);
      }),
    );
  });

  it("the viewer's own safety concern turns relationship counselling individual in their view only", () => {
    const answers = Object.fromEntries(PROFILE.items.map((entry) => [entry.id, entry.dimension === "SAFE" ? (entry.isReverse ? 7 : 1) : 4]));
    const calm = screenSafety(PROFILE, answers);
    const scared = screenSafety(PROFILE, { ...answers, "safe-1": 7 });
    const a = { dimensions: { CLOSE: 30, VOICE: 20 } };
    const b = { dimensions: { CLOSE: 35, VOICE: 70 } };
    const shared = compareCouple(a, b);
    // A Voice gap leaves the kind of counselling open (couples work can be unsafe under control); low closeness for both suggests it together.
    expect(shared.flags.map((flag) => [flag.id, flag.counselling])).toEqual([
      ["couple-power-imbalance", "own-or-together"],
      ["couple-low-intimacy", "relationship"],
    ]);
    expect(shared).toMatchObject({ isViewerOnly: false, holdsBackJointExercises: false });
    const viewerCalm = compareCouple(a, b, { viewerSafety: calm });
    expect(viewerCalm.flags).toEqual(shared.flags);
    expect(viewerCalm.isViewerOnly).toBe(true);
    const viewerScared = compareCouple(a, b, { viewerSafety: scared });
    expect(viewerScared.flags.map((flag) => flag.counselling)).toEqual(["individual", "individual"]);
    expect(viewerScared.flags.every((flag) => flag.holdsBackJointExercises && !flag.isPrivate)).toBe(true);
    expect(viewerScared.holdsBackJointExercises).toBe(true);
    // The words follow the field: no explanation steers a concerned viewer towards joint counselling.
    for (const flag of [...shared.flags, ...viewerScared.flags]) expect(flag.explanation).not.toMatch(/counsel|therap/i);
    // The view without a screen is unchanged by the call above.
    expect(compareCouple(a, b)).toEqual(shared);
  });

  it("a VOICE gap of 25+ is a couple-level power imbalance that never says who is quieter, nor decides on couples counselling", () => {
    const aQuieter = compareCouple({ dimensions: { VOICE: 30 } }, { dimensions: { VOICE: 80 } }, { labels: { a: "Sam", b: "Alex" } });
    const bQuieter = compareCouple({ dimensions: { VOICE: 80 } }, { dimensions: { VOICE: 30 } }, { labels: { a: "Sam", b: "Alex" } });
    const flag = aQuieter.flags.find((entry) => entry.id === "couple-power-imbalance");
    // Both partners read it, and one may live under the other's control: the same words whoever is quieter, no name, no score.
    expect(flag?.explanation).toBe(bQuieter.flags.find((entry) => entry.id === "couple-power-imbalance")?.explanation);
    expect(flag?.explanation).not.toMatch(/Sam|Alex|30|80/);
    expect(flag?.counselling).toBe("own-or-together");
    expect(compareCouple({ dimensions: { VOICE: 60 } }, { dimensions: { VOICE: 80 } }).flags).toEqual([]);
  });

  it("both partners low on CLOSE → relationship counselling; one low is not a couple flag", () => {
    expect(compareCouple({ dimensions: { CLOSE: 30 } }, { dimensions: { CLOSE: 35 } }).flags.map((flag) => [flag.id, flag.counselling])).toEqual([
      ["couple-low-intimacy", "relationship"],
    ]);
    expect(compareCouple({ dimensions: { CLOSE: 30 } }, { dimensions: { CLOSE: 75 } }).flags.map((flag) => flag.id)).not.toContain("couple-low-intimacy");
  });

  it("crosses support given with support felt, in both directions", () => {
    const result = compareCouple({ subscales: { giving: 90, receiving: 60 } }, { subscales: { giving: 55, receiving: 50 } });
    expect(result.crossPerception.aBacksB).toEqual({ giverSays: 90, receiverFeels: 50, gap: 40, isGap: true });
    expect(result.crossPerception.bBacksA).toEqual({ giverSays: 55, receiverFeels: 60, gap: -5, isGap: false });
    expect(result.flags.map((flag) => flag.id)).toEqual(["support-perception-gap"]);
  });

  it("leaves a direction out when either side did not share its sub-scale", () => {
    const result = compareCouple({ subscales: { giving: 90 } }, {});
    expect(result.crossPerception).toEqual({});
  });

  it("cannot carry SAFE: the type has no place for it and the schema rejects it", () => {
    // @ts-expect-error SAFE is not a shareable dimension
    const typed: SharedScores = { dimensions: { SAFE: 90 } };
    void typed;
    expect(sharedScoresSchema.safeParse({ dimensions: { SAFE: 90 } }).success).toBe(false);
    expect(sharedScoresSchema.safeParse({ safety: { concerns: [] } }).success).toBe(false);
    expect(sharedScoresSchema.safeParse({ dimensions: { CLOSE: 90 }, we: 70 }).success).toBe(true);
  });

  it("pickSharedScores copies only the chosen scopes", () => {
    const answers = Object.fromEntries(PROFILE.items.map((entry) => [entry.id, 5]));
    const shared = pickSharedScores(scoreProfile(PROFILE, answers), { dimensions: ["CLOSE"] });
    expect(Object.keys(shared)).toEqual(["dimensions"]);
    expect(Object.keys(shared.dimensions ?? {})).toEqual(["CLOSE"]);
    expect(JSON.stringify(shared)).not.toMatch(/safe/i);
    const withAll = pickSharedScores(scoreProfile(PROFILE, answers), { dimensions: ["VOICE"], subscales: true, axes: true });
    expect(withAll.subscales?.giving).toBeDefined();
    expect(withAll.we).toBeDefined();
  });
});
