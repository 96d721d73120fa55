import { describe, expect, it } from "vitest";
import { nestsDeeperThan } from "./json-body.js";

describe("JSON nesting depth", () => {
  it("counts arrays and objects opened inside one another, not brackets inside strings", () => {
    expect(nestsDeeperThan('{"a":[{"b":[1]}]}', 4)).toBe(false);
    expect(nestsDeeperThan('{"a":[{"b":[1]}]}', 3)).toBe(true);
    expect(nestsDeeperThan(JSON.stringify({ text: '[[[[[[[[{{{{{{{{ \\" [[[[' }), 1)).toBe(false);
    expect(nestsDeeperThan(`[${"[]".repeat(10_000)}]`, 2)).toBe(false);
    expect(nestsDeeperThan("[".repeat(1_000_000), 16)).toBe(true);
  });
});
