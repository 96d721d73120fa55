import { describe, expect, it } from "vitest";
import { INTERDEPENDENCE_PROFILE_V1 as PROFILE } from "../instrument/profile-v1.js";
import { scoreProfile } from "../scoring/score-profile.js";
import { compareCouple } from "./compare-couple.js";
import { pickSharedScores, sharedScoresSchema, type SharedScores } from "./shared-scores.js";

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

  it("a VOICE gap of 25+ is a couple-level power imbalance naming the quieter partner", () => {
    const result = compareCouple({ dimensions: { VOICE: 30 } }, { dimensions: { VOICE: 80 } }, { a: "Sam", b: "Alex" });
    const flag = result.flags.find((entry) => entry.id === "couple-power-imbalance");
    expect(flag?.explanation).toContain("Sam");
    expect(flag?.counselling).toBe("relationship");
    expect(compareCouple({ dimensions: { VOICE: 60 } }, { dimensions: { VOICE: 80 } }).flags).toEqual([]);
  });

  it("both partners low on CLOSE → relationship counselling; one low is not a couple flag", () => {
    expect(compareCouple({ dimensions: { CLOSE: 30 } }, { dimensions: { CLOSE: 35 } }).flags.map((flag) => [flag.id, flag.counselling])).toEqual([["couple-low-intimacy", "relationship"]]);
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
    expect(typed).toBeDefined();
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
