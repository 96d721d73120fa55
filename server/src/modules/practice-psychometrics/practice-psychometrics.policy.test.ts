import { describe, expect, it } from "vitest";
import { PRACTICE_ITEM_STATISTICS_MINIMUM_N, PRACTICE_PUBLISH_STEP_N, PRACTICE_STATISTICS_MINIMUM_N, PROVISIONAL_NORMS } from "@mutual/core";
import { mayPublish, mayShowItemStatistics, mayShowStatistics, normSourceOf } from "./practice-psychometrics.policy.js";

describe("practice psychometrics policy", () => {
  it("says provisional until a dimension uses the practice's own figures", () => {
    expect(normSourceOf(PROVISIONAL_NORMS)).toBe("provisional");
    expect(normSourceOf({ ...PROVISIONAL_NORMS, VOICE: { reliability: 0.8, sd: 17, source: "deployment" } })).toBe("deployment");
    // WE, ME and CODEPENDENCY are never estimated per practice: they do not make the source "deployment".
    expect(normSourceOf({ ...PROVISIONAL_NORMS, WE: { reliability: 0.8, sd: 17, source: "deployment" } })).toBe("provisional");
  });

  it("withholds statistics of fewer people than the floor", () => {
    expect(mayShowStatistics(PRACTICE_STATISTICS_MINIMUM_N - 1)).toBe(false);
    expect(mayShowStatistics(PRACTICE_STATISTICS_MINIMUM_N)).toBe(true);
    expect(mayShowStatistics(0)).toBe(false);
  });

  it("withholds item means and SDs below 50 people", () => {
    expect(PRACTICE_ITEM_STATISTICS_MINIMUM_N).toBe(50);
    expect(mayShowItemStatistics(49)).toBe(false);
    expect(mayShowItemStatistics(50)).toBe(true);
  });

  it("publishes new figures only once N moved by ten either way since the last published ones", () => {
    expect(PRACTICE_PUBLISH_STEP_N).toBe(10);
    expect(mayPublish(null, 0)).toBe(true);
    expect(mayPublish(null, 57)).toBe(true);
    for (const current of [50, 51, 55, 59, 41, 49]) expect(mayPublish(50, current), String(current)).toBe(false);
    for (const current of [60, 61, 40, 39, 200]) expect(mayPublish(50, current), String(current)).toBe(true);
  });
});
