import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addIsoWeeks, computeIsoWeekKey, countIsoWeeksInYear, countWeeksBetween, getIsoWeekOfDate, parseIsoWeekKey } from "./iso-week.js";

describe("ISO weeks", () => {
  it.each([
    [{ year: 2026, month: 1, day: 1 }, "2026-W01"],
    [{ year: 2021, month: 1, day: 3 }, "2020-W53"],
    [{ year: 2024, month: 12, day: 30 }, "2025-W01"],
    [{ year: 2026, month: 11, day: 24 }, "2026-W48"],
    [{ year: 2027, month: 1, day: 3 }, "2026-W53"],
  ])("%o is in %s", (date, key) => {
    const { year, week } = getIsoWeekOfDate(date);
    expect(`${year}-W${String(week).padStart(2, "0")}`).toBe(key);
  });

  it("uses the person's time zone: Sunday night in Los Angeles is Monday in Singapore", () => {
    const instant = new Date("2026-11-23T03:30:00Z"); // Sun 22 Nov 19:30 in LA, Mon 23 Nov 11:30 in Singapore
    expect(computeIsoWeekKey(instant, "America/Los_Angeles")).toBe("2026-W47");
    expect(computeIsoWeekKey(instant, "Asia/Singapore")).toBe("2026-W48");
    expect(computeIsoWeekKey(instant, "UTC")).toBe("2026-W48");
  });

  it("knows long years", () => {
    expect(countIsoWeeksInYear(2026)).toBe(53);
    expect(countIsoWeeksInYear(2025)).toBe(52);
    expect(parseIsoWeekKey("2026-W53")).toEqual({ year: 2026, week: 53 });
    expect(parseIsoWeekKey("2025-W53")).toBeUndefined();
    expect(parseIsoWeekKey("2025-W00")).toBeUndefined();
    expect(parseIsoWeekKey("2025-47")).toBeUndefined();
  });

  it("adds weeks across year ends", () => {
    expect(addIsoWeeks("2026-W52", 1)).toBe("2026-W53");
    expect(addIsoWeeks("2026-W53", 1)).toBe("2027-W01");
    expect(addIsoWeeks("2027-W01", -2)).toBe("2026-W52");
    expect(countWeeksBetween("2026-W50", "2027-W02")).toBe(5);
  });

  it("adding n weeks then counting gives n back", () => {
    fc.assert(
      fc.property(fc.integer({ min: 2000, max: 2100 }), fc.integer({ min: 1, max: 52 }), fc.integer({ min: -300, max: 300 }), (year, week, n) => {
        const key = `${year}-W${String(week).padStart(2, "0")}`;
        expect(countWeeksBetween(key, addIsoWeeks(key, n))).toBe(n);
      }),
    );
  });
});
