import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addIsoWeeks, computeIsoWeekKey, countIsoWeeksInYear, countWeeksBetween, getIsoWeekOfDate, parseIsoWeekKey, tryCountWeeksBetween } from "./iso-week.js";

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

  it("late Sunday in a positive-offset zone stays in that ISO week; just after midnight Monday is the next", () => {
    // Asia/Shanghai is UTC+8 all year. Sunday 29 Nov 2026 23:30 local = 15:30 UTC; Monday 30 Nov 00:30 local = 16:30 UTC.
    expect(computeIsoWeekKey(new Date("2026-11-29T15:30:00Z"), "Asia/Shanghai")).toBe("2026-W48");
    expect(computeIsoWeekKey(new Date("2026-11-29T16:30:00Z"), "Asia/Shanghai")).toBe("2026-W49");
    // The same instant is still Sunday in UTC.
    expect(computeIsoWeekKey(new Date("2026-11-29T16:30:00Z"), "UTC")).toBe("2026-W48");
  });

  it("crosses the year end in a zone: Sunday 3 Jan 2027 is 2026-W53 in Auckland, Monday 4 Jan starts 2027-W01", () => {
    // Pacific/Auckland is UTC+13 in January (daylight time).
    expect(computeIsoWeekKey(new Date("2027-01-03T10:30:00Z"), "Pacific/Auckland")).toBe("2026-W53"); // Sun 23:30 local
    expect(computeIsoWeekKey(new Date("2027-01-03T11:30:00Z"), "Pacific/Auckland")).toBe("2027-W01"); // Mon 00:30 local
    // New Year's Eve 2026 late evening in Los Angeles (already 1 Jan 2027 in UTC) is still 2026-W53.
    expect(computeIsoWeekKey(new Date("2027-01-01T07:30:00Z"), "America/Los_Angeles")).toBe("2026-W53");
  });

  it("counts weeks between malformed keys as undefined rather than throwing", () => {
    expect(tryCountWeeksBetween("2026-W50", "2027-W02")).toBe(5);
    expect(tryCountWeeksBetween("2025-W53", "2026-W01")).toBeUndefined();
    expect(() => countWeeksBetween("2025-W53", "2026-W01")).toThrow(RangeError);
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
