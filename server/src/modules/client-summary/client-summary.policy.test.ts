import { describe, expect, it } from "vitest";
import { COUNSELLOR_FLAG_IDS } from "@mutual/core";
import { FLAG_BITS, flagIdsOf } from "./client-summary.policy.js";

describe("summary flag bits", () => {
  it("give every shareable flag its own bit (safety has its own scope and bit)", () => {
    const shareable = COUNSELLOR_FLAG_IDS.filter((id) => id !== "safety");
    expect(Object.keys(FLAG_BITS).sort()).toEqual([...shareable].sort());
    const values = Object.values(FLAG_BITS);
    expect(new Set(values).size).toBe(values.length);
    for (const value of values) expect(Math.log2(value) % 1).toBe(0);
  });

  it("read back the flags a mask holds, none for no mask", () => {
    expect(flagIdsOf(FLAG_BITS["low-intimacy"]! + FLAG_BITS["power-imbalance"]!).sort()).toEqual(["low-intimacy", "power-imbalance"]);
    expect(flagIdsOf(null)).toEqual([]);
    expect(flagIdsOf(0)).toEqual([]);
  });
});
