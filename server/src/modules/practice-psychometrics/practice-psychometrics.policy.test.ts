import { describe, expect, it } from "vitest";
import { PRACTICE_STATISTICS_MINIMUM_N, PROVISIONAL_NORMS } from "@mutual/core";
import { mayShowStatistics, normSourceOf } from "./practice-psychometrics.policy.js";

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
});
