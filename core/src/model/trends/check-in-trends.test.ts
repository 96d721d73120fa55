import { describe, expect, it } from "vitest";
import {
  deriveTrendFlags,
  detectSocialWithdrawal,
  detectSustainedDecline,
  computeLeastSquaresSlope,
  summariseTrendWindows,
  type CheckInPoint,
} from "./check-in-trends.js";
import { addIsoWeeks } from "./iso-week.js";

const NOW = "2026-W10";

/** Points from oldest to newest: values[i] belongs to week NOW − (values.length − 1 − i); null = missed week. */
function series(metric: "friendsFamilyHours" | "wePulse" | "mePulse", values: Array<number | null>): CheckInPoint[] {
  return values.flatMap((value, index) => (value === null ? [] : [{ week: addIsoWeeks(NOW, index - (values.length - 1)), [metric]: value }]));
}

describe("trend windows", () => {
  it("recent = last 4 weeks, baseline = the 8 before; missed weeks are skipped, not zero", () => {
    const points = series("friendsFamilyHours", [8, 6, null, 10, 8, 6, 8, 8, 2, null, null, 0]);
    const { baseline, recent } = summariseTrendWindows(points, NOW, "friendsFamilyHours");
    expect(recent).toEqual({ answered: 2, mean: 1 });
    expect(summariseTrendWindows(points, NOW, "friendsFamilyHours").malformedWeeks).toEqual([]);
    expect(baseline).toEqual({ answered: 7, mean: 54 / 7 });
  });

  it("ignores points after the current week and older than the baseline", () => {
    const points = [...series("friendsFamilyHours", [100, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4]), { week: addIsoWeeks(NOW, 1), friendsFamilyHours: 100 }];
    const { baseline, recent } = summariseTrendWindows(points, NOW, "friendsFamilyHours");
    expect(baseline.mean).toBe(4);
    expect(recent.mean).toBe(4);
  });
});

describe("malformed week keys", () => {
  it("skips and reports points with a bad week key instead of throwing", () => {
    const points = [
      ...series("friendsFamilyHours", [8, 8, 8, 8, 8, 8, 8, 8, 4, 4, null, 4]),
      { week: "2025-W53", friendsFamilyHours: 0 },
      { week: "2026-47", friendsFamilyHours: 0 },
    ];
    const signal = detectSocialWithdrawal(points, NOW);
    expect(signal.status).toBe("signal");
    expect(signal.malformedWeeks).toEqual(["2025-W53", "2026-47"]);
    expect(
      detectSustainedDecline(
        points.map((point) => ({ week: point.week, wePulse: 4 })),
        NOW,
        "wePulse",
      ).malformedWeeks,
    ).toEqual(["2025-W53", "2026-47"]);
  });

  it("reports a malformed current week and finds no signal", () => {
    const signal = detectSocialWithdrawal(series("friendsFamilyHours", [8, 8, 8, 8, 8, 8, 8, 8, 4, 4, 4, 4]), "2026-W99");
    expect(signal.status).toBe("insufficient-data");
    expect(signal.malformedWeeks).toEqual(["2026-W99"]);
    expect(deriveTrendFlags([], "nonsense")).toEqual([]);
  });
});

describe("social withdrawal", () => {
  it("fires when recent time is at or below half the person's own baseline", () => {
    const points = series("friendsFamilyHours", [8, 8, 8, 8, 8, 8, 8, 8, 4, 4, null, 4]);
    const signal = detectSocialWithdrawal(points, NOW);
    expect(signal.status).toBe("signal");
    expect(deriveTrendFlags(points, NOW).map((flag) => [flag.id, flag.practice])).toEqual([["social-withdrawal", "friends-family"]]);
  });

  it("does not fire just above half", () => {
    expect(detectSocialWithdrawal(series("friendsFamilyHours", [8, 8, 8, 8, 8, 8, 8, 8, 4.5, 4.5, 4.5, 4.5]), NOW).status).toBe("no-signal");
  });

  it("needs enough weeks in each window", () => {
    expect(detectSocialWithdrawal(series("friendsFamilyHours", [null, null, null, null, null, null, 8, 8, 0, 0, 0, 0]), NOW).status).toBe("insufficient-data");
    expect(detectSocialWithdrawal(series("friendsFamilyHours", [8, 8, 8, 8, 8, 8, 8, 8, null, null, null, 0]), NOW).status).toBe("insufficient-data");
    expect(deriveTrendFlags(series("friendsFamilyHours", [8, 8, 8, 8, 8, 8, 8, 8, null, null, null, 0]), NOW)).toEqual([]);
  });

  it("does not fire on a near-zero baseline", () => {
    expect(detectSocialWithdrawal(series("friendsFamilyHours", [0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0, 0, 0, 0]), NOW).status).toBe("no-signal");
  });
});

describe("sustained decline", () => {
  it("least-squares slope of a line is its slope; flat data is zero", () => {
    expect(computeLeastSquaresSlope([0, 1, 2, 3], [5, 4.5, 4, 3.5])).toBeCloseTo(-0.5, 12);
    expect(computeLeastSquaresSlope([0, 1, 2], [3, 3, 3])).toBe(0);
    expect(computeLeastSquaresSlope([1], [3])).toBeNull();
  });

  it("fires for a steady slide with the recent mean under baseline", () => {
    const signal = detectSustainedDecline(series("wePulse", [6, 6, 6, 6, 6, 6, 6, 6, 5, 4, 4, 3]), NOW, "wePulse");
    expect(signal.status).toBe("signal");
    expect(signal.slopePerWeek).toBeLessThanOrEqual(-0.15);
  });

  it("does not fire for a stable or rising pulse", () => {
    expect(detectSustainedDecline(series("mePulse", [4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4]), NOW, "mePulse").status).toBe("no-signal");
    expect(detectSustainedDecline(series("mePulse", [3, 3, 3, 3, 3, 3, 3, 4, 5, 5, 6, 6]), NOW, "mePulse").status).toBe("no-signal");
  });

  it("uses the real week spacing, so gaps stretch the line", () => {
    const points = series("wePulse", [6, 6, 6, 6, 6, 6, 6, null, 5, null, null, 4]);
    const signal = detectSustainedDecline(points, NOW, "wePulse");
    expect(signal.weeksUsed).toBe(6);
    // The 6 newest answered weeks: x = −8, −7, −6, −5, −3, 0; y = 6, 6, 6, 6, 5, 4.
    // Sxy = −11.5, Sxx = 257/6 → slope = −69/257 ≈ −0.2685 (treating them as evenly spaced would give −13/35 ≈ −0.371).
    expect(signal.slopePerWeek).toBeCloseTo(-69 / 257, 12);
    expect(signal.status).toBe("signal");
  });

  it("needs enough answered weeks", () => {
    expect(detectSustainedDecline(series("wePulse", [6, 5, 4]), NOW, "wePulse").status).toBe("insufficient-data");
  });

  it("a slope of exactly −0.15 a week counts, though the arithmetic gives −0.14999999999999997 (rounded as scores are)", () => {
    const points = series("wePulse", [7, 4, 4, 4, null, null, null, 2, 3, 7, 3, 1]);
    // The newest 6 within 10 weeks: x = −8, −4, −3, −2, −1, 0; y = 4, 2, 3, 7, 3, 1; their slope in whole numbers:
    const xs = [-8, -4, -3, -2, -1, 0];
    const ys = [4, 2, 3, 7, 3, 1];
    const n = xs.length;
    const sum = (values: number[]) => values.reduce((total, value) => total + value, 0);
    const numerator = n * sum(xs.map((x, index) => x * ys[index]!)) - sum(xs) * sum(ys);
    const denominator = n * sum(xs.map((x) => x * x)) - sum(xs) ** 2;
    expect(numerator * 20).toBe(-3 * denominator); // exactly −3/20 in whole numbers
    const signal = detectSustainedDecline(points, NOW, "wePulse");
    expect(signal.slopePerWeek).toBe(-0.14999999999999997);
    expect(signal.recent.mean).toBeLessThan(signal.baseline.mean!);
    expect(signal.status).toBe("signal");
  });
});

describe("trend flags", () => {
  const sliding = series("wePulse", [6, 6, 6, 6, 6, 6, 6, 6, 5, 4, 4, 3]);

  it("a sustained decline of a pulse reaches the flags, with its practice", () => {
    const flags = deriveTrendFlags(sliding, NOW);
    expect(flags.map((flag) => [flag.id, flag.practice])).toEqual([["sustained-decline", "support-passions"]]);
    expect(flags[0]!.explanation).toMatch(/^Your We pulse has gone down for several weeks/);
    expect(flags[0]!.rule.anyOf[0]).toEqual([
      { metric: "wePulse slope per week over the last 6 answered weeks", op: "<=", value: -0.15 },
      { metric: "wePulse recent mean − baseline mean", op: "<", value: 0 },
    ]);
  });

  it("both pulses sliding make one flag naming both, linked to one's own people", () => {
    const both = sliding.map((point) => ({ ...point, mePulse: point.wePulse }));
    const flags = deriveTrendFlags(both, NOW);
    expect(flags.map((flag) => [flag.id, flag.practice])).toEqual([["sustained-decline", "friends-family"]]);
    expect(flags[0]!.explanation).toContain("We pulse and your Me pulse");
    expect(flags[0]!.rule.anyOf).toHaveLength(2);
  });

  it("worded for someone the person shares check-ins with, the flags say the same without 'you' and name no one", () => {
    const withWithdrawal = [...sliding.map((point, index) => ({ ...point, friendsFamilyHours: index < 8 ? 8 : 2 }))];
    const own = deriveTrendFlags(withWithdrawal, NOW, "self");
    const other = deriveTrendFlags(withWithdrawal, NOW, "other");
    expect(other.map((flag) => flag.id)).toEqual(own.map((flag) => flag.id));
    expect(other.map((flag) => flag.practice)).toEqual(own.map((flag) => flag.practice));
    for (const flag of other) expect(flag.explanation).not.toMatch(/\byou(r)?\b/i);
    expect(other.find((flag) => flag.id === "sustained-decline")?.explanation).toMatch(/^In these check-ins the We pulse has gone down/);
  });
});
