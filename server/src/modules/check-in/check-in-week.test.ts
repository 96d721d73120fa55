import { describe, expect, it } from "vitest";
import { computeIsoWeekKey } from "@mutual/core";
import { isoWeekIn } from "./check-in-week.js";

describe("isoWeekIn", () => {
  it("agrees with core's computeIsoWeekKey across zones and year edges", () => {
    const zones = ["Asia/Singapore", "UTC", "America/Los_Angeles", "Pacific/Kiritimati", "Pacific/Pago_Pago", "Europe/Berlin"];
    const start = Date.UTC(2026, 11, 20);
    for (let hours = 0; hours < 24 * 30; hours += 5) {
      const instant = new Date(start + hours * 3_600_000);
      for (const zone of zones) expect(isoWeekIn(instant, zone)).toBe(computeIsoWeekKey(instant, zone));
    }
  });

  it("puts 23:30 Sunday in Singapore in that week and 00:30 Monday in the next", () => {
    expect(isoWeekIn(new Date("2026-11-29T15:30:00Z"), "Asia/Singapore")).toBe("2026-W48");
    expect(isoWeekIn(new Date("2026-11-29T16:30:00Z"), "Asia/Singapore")).toBe("2026-W49");
  });
});
