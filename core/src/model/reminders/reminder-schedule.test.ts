import { describe, expect, it } from "vitest";
import { instantOfLocalTime, isInQuietHours, moveOutOfQuietHours, nextReminderAt, reminderWeekOf, retryDelayMs } from "./reminder-schedule.js";

const at = (iso: string) => Date.parse(iso);
const iso = (ms: number) => new Date(ms).toISOString();

describe("reminder schedule", () => {
  it("finds the chosen local weekday and time in different zones", () => {
    const monday9 = { weekday: 1, minuteOfDay: 9 * 60, quietHours: null };
    // Thursday 2026-12-03, noon UTC.
    const after = at("2026-12-03T12:00:00Z");
    expect(iso(nextReminderAt({ ...monday9, timeZone: "Asia/Singapore" }, after))).toBe("2026-12-07T01:00:00.000Z");
    expect(iso(nextReminderAt({ ...monday9, timeZone: "America/New_York" }, after))).toBe("2026-12-07T14:00:00.000Z");
    expect(iso(nextReminderAt({ ...monday9, timeZone: "Pacific/Auckland" }, after))).toBe("2026-12-06T20:00:00.000Z");
  });

  it("keeps the local time across a daylight-saving change", () => {
    const schedule = { weekday: 1, minuteOfDay: 9 * 60, timeZone: "America/New_York", quietHours: null };
    const beforeChange = nextReminderAt(schedule, at("2026-03-01T00:00:00Z"));
    expect(iso(beforeChange)).toBe("2026-03-02T14:00:00.000Z");
    // New York moves its clocks forward on Sunday 2026-03-08.
    expect(iso(nextReminderAt(schedule, beforeChange))).toBe("2026-03-09T13:00:00.000Z");
    // And back on Sunday 2026-11-01.
    expect(iso(nextReminderAt(schedule, at("2026-10-27T00:00:00Z")))).toBe("2026-11-02T14:00:00.000Z");
  });

  it("reads a time the clocks skip or repeat in a way a person expects", () => {
    // 02:30 does not exist in New York on 2026-03-08: it becomes 03:30 daylight time.
    expect(iso(instantOfLocalTime({ year: 2026, month: 3, day: 8 }, 150, "America/New_York"))).toBe("2026-03-08T07:30:00.000Z");
    // 01:30 happens twice on 2026-11-01: the first one.
    expect(iso(instantOfLocalTime({ year: 2026, month: 11, day: 1 }, 90, "America/New_York"))).toBe("2026-11-01T05:30:00.000Z");
    // Later the same days, the new offset.
    expect(iso(instantOfLocalTime({ year: 2026, month: 3, day: 8 }, 9 * 60, "America/New_York"))).toBe("2026-03-08T13:00:00.000Z");
    expect(iso(instantOfLocalTime({ year: 2026, month: 11, day: 1 }, 9 * 60, "America/New_York"))).toBe("2026-11-01T14:00:00.000Z");
  });

  it("moves a reminder out of quiet hours, also when they wrap past midnight", () => {
    const quiet = { startMinute: 22 * 60, endMinute: 7 * 60 };
    expect(isInQuietHours(23 * 60, quiet)).toBe(true);
    expect(isInQuietHours(6 * 60 + 59, quiet)).toBe(true);
    expect(isInQuietHours(7 * 60, quiet)).toBe(false);
    expect(isInQuietHours(12 * 60, { startMinute: 600, endMinute: 600 })).toBe(false);
    // 23:00 Monday in Singapore → 07:00 Tuesday.
    expect(iso(moveOutOfQuietHours(at("2026-12-07T15:00:00Z"), quiet, "Asia/Singapore"))).toBe("2026-12-07T23:00:00.000Z");
    // 05:00 → 07:00 the same day.
    expect(iso(moveOutOfQuietHours(at("2026-12-06T21:00:00Z"), quiet, "Asia/Singapore"))).toBe("2026-12-06T23:00:00.000Z");
    const schedule = { weekday: 1, minuteOfDay: 23 * 60, timeZone: "Asia/Singapore", quietHours: quiet };
    expect(iso(nextReminderAt(schedule, at("2026-12-03T00:00:00Z")))).toBe("2026-12-07T23:00:00.000Z");
  });

  it("is strictly after the instant it starts from, and one per week", () => {
    const schedule = { weekday: 7, minuteOfDay: 20 * 60, timeZone: "Europe/London", quietHours: null };
    const first = nextReminderAt(schedule, at("2026-12-01T00:00:00Z"));
    const second = nextReminderAt(schedule, first);
    expect(second - first).toBe(7 * 86_400_000);
    expect(reminderWeekOf(first, schedule.timeZone)).toBe("2026-W49");
    expect(reminderWeekOf(second, schedule.timeZone)).toBe("2026-W50");
  });

  it("waits longer after each failed send, up to six hours", () => {
    expect(retryDelayMs(1)).toBe(60_000);
    expect(retryDelayMs(3)).toBe(240_000);
    expect(retryDelayMs(30)).toBe(6 * 3_600_000);
  });
});
