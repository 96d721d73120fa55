import { describe, expect, it } from "vitest";
import { pulseDirection } from "./pulse-direction.js";

describe("pulse direction", () => {
  it("says nothing about a trend from fewer than two answers", () => {
    expect(pulseDirection([])).toBe("too-few");
    expect(pulseDirection([null, 5, null])).toBe("too-few");
  });
  it("calls a rise or a fall only at a whole point", () => {
    expect(pulseDirection([3, 5])).toBe("rising");
    expect(pulseDirection([6, 4, 3, 3])).toBe("falling");
    expect(pulseDirection([4, 4, 5, 4])).toBe("steady");
    expect(pulseDirection([1, 1, 4, 4, 5, 5])).toBe("rising");
    expect(pulseDirection([5, null, 4, 5])).toBe("steady");
  });
});
