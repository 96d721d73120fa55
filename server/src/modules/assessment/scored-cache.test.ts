import { afterEach, describe, expect, it, vi } from "vitest";
import type { ScoredResult } from "./scored-cache.js";
import { keepScored, readScored, scoredCacheSize, scoredTtlMs } from "./scored-cache.js";

const result = {} as ScoredResult;

describe("scored cache", () => {
  afterEach(() => vi.restoreAllMocks());

  it("drops expired results of other assessments on any read, not only when the same id is read again", () => {
    let now = 1_000_000;
    vi.spyOn(performance, "now").mockImplementation(() => now);
    const before = scoredCacheSize();
    keepScored("deleted-person-assessment", result);
    expect(scoredCacheSize()).toBe(before + 1);
    now += scoredTtlMs + 1;
    expect(readScored("someone-else")).toBeUndefined();
    expect(scoredCacheSize()).toBe(0);
  });

  it("keeps fresh results and serves them", () => {
    let now = 5_000_000;
    vi.spyOn(performance, "now").mockImplementation(() => now);
    keepScored("a", result);
    now += scoredTtlMs - 1;
    keepScored("b", result);
    expect(readScored("a")).toBe(result);
    now += 2;
    expect(readScored("a")).toBeUndefined();
    expect(readScored("b")).toBe(result);
    expect(scoredCacheSize()).toBe(1);
  });
});
