// Trends over weekly check-ins: windows that tolerate missed weeks, withdrawal and decline signals.
import { MODEL_THRESHOLDS } from "../model-thresholds.js";
import { createFlag } from "../flags/create-flag.js";
import { flagRuleIn } from "../flags/flag-text.js";
import type { FlagWording, ModelFlag } from "../flags/flag-types.js";
import { roundForComparison } from "../score-precision.js";
import { tryCountWeeksBetween } from "./iso-week.js";

const T = MODEL_THRESHOLDS.trends;

/** The scored parts of one week's check-in that trends use. */
export type CheckInPoint = {
  week: string;
  friendsFamilyHours?: number | null;
  wePulse?: number | null;
  mePulse?: number | null;
};

export type TrendMetric = "friendsFamilyHours" | "wePulse" | "mePulse";

export type WindowSummary = { answered: number; mean: number | null };

export type TrendSignal = {
  status: "signal" | "no-signal" | "insufficient-data";
  baseline: WindowSummary;
  recent: WindowSummary;
  /** Week keys that could not be read (e.g. "2025-W53", "2026-47"); those points were skipped. */
  malformedWeeks: string[];
  explanation: string;
};

type Collected = { byAge: Map<number, number>; malformedWeeks: string[] };

export type DeclineSignal = TrendSignal & { slopePerWeek: number | null; weeksUsed: number };

/** Answered values of one metric keyed by weeks-ago (0 = current week); later duplicates win; bad week keys are reported, not thrown. */
function collect(points: readonly CheckInPoint[], currentWeek: string, metric: TrendMetric): Collected {
  const byAge = new Map<number, number>();
  const malformed = new Set<string>();
  for (const point of points) {
    const value = point[metric];
    if (value === null || value === undefined) continue;
    const age = tryCountWeeksBetween(point.week, currentWeek);
    if (age === undefined) {
      malformed.add(tryCountWeeksBetween(currentWeek, currentWeek) === undefined ? currentWeek : point.week);
      continue;
    }
    if (age < 0) continue;
    byAge.set(age, value);
  }
  return { byAge, malformedWeeks: [...malformed] };
}

function summarise(byAge: Map<number, number>, fromAge: number, toAge: number): WindowSummary {
  let sum = 0;
  let answered = 0;
  for (const [age, value] of byAge) {
    if (age < fromAge || age > toAge) continue;
    sum += value;
    answered += 1;
  }
  return { answered, mean: answered === 0 ? null : sum / answered };
}

/** Recent window (last 4 weeks incl. current) and baseline (the 8 before); missing weeks are skipped, not zero. */
export function summariseTrendWindows(
  points: readonly CheckInPoint[],
  currentWeek: string,
  metric: TrendMetric,
): { baseline: WindowSummary; recent: WindowSummary; malformedWeeks: string[] } {
  const { byAge, malformedWeeks } = collect(points, currentWeek, metric);
  return {
    recent: summarise(byAge, 0, T.recentWeeks - 1),
    baseline: summarise(byAge, T.recentWeeks, T.recentWeeks + T.baselineWeeks - 1),
    malformedWeeks,
  };
}

/** Social withdrawal: recent mean hours with friends/family at or below half the person's own baseline. */
export function detectSocialWithdrawal(points: readonly CheckInPoint[], currentWeek: string): TrendSignal {
  const { baseline, recent, malformedWeeks } = summariseTrendWindows(points, currentWeek, "friendsFamilyHours");
  if (baseline.answered < T.minBaselineAnswered || recent.answered < T.minRecentAnswered || baseline.mean === null || recent.mean === null) {
    return {
      status: "insufficient-data",
      baseline,
      recent,
      malformedWeeks,
      explanation: `Needs at least ${T.minBaselineAnswered} check-ins in the earlier weeks and ${T.minRecentAnswered} in the last ${T.recentWeeks}.`,
    };
  }
  if (baseline.mean < T.minBaselineHours) {
    return { status: "no-signal", baseline, recent, malformedWeeks, explanation: "Your usual time with friends and family is too small to compare against." };
  }
  const isSignal = recent.mean <= T.withdrawalRatio * baseline.mean;
  const text = `Lately you spent about ${recent.mean.toFixed(1)} hours a week with friends or family, against about ${baseline.mean.toFixed(1)} before.`;
  return {
    status: isSignal ? "signal" : "no-signal",
    baseline,
    recent,
    malformedWeeks,
    explanation: isSignal ? `${text} That is half or less of your usual time.` : text,
  };
}

/** Ordinary least-squares slope of y on x. */
export function computeLeastSquaresSlope(xs: readonly number[], ys: readonly number[]): number | null {
  const n = Math.min(xs.length, ys.length);
  if (n < 2) return null;
  let meanX = 0;
  let meanY = 0;
  for (let index = 0; index < n; index += 1) {
    meanX += (xs[index] as number) / n;
    meanY += (ys[index] as number) / n;
  }
  let sxy = 0;
  let sxx = 0;
  for (let index = 0; index < n; index += 1) {
    const dx = (xs[index] as number) - meanX;
    sxy += dx * ((ys[index] as number) - meanY);
    sxx += dx * dx;
  }
  return sxx === 0 ? null : sxy / sxx;
}

/**
 * Sustained decline of a pulse: the least-squares slope over the last 6 answered weeks (within 10 weeks,
 * at least 4 points; x is the real week, so gaps stretch the line rather than compress it) is at or
 * below −0.15 points a week, AND the recent mean is below the baseline mean.
 */
export function detectSustainedDecline(points: readonly CheckInPoint[], currentWeek: string, metric: "wePulse" | "mePulse"): DeclineSignal {
  const { byAge, malformedWeeks } = collect(points, currentWeek, metric);
  const { baseline, recent } = summariseTrendWindows(points, currentWeek, metric);
  const usable = [...byAge.entries()]
    .filter(([age]) => age < T.declineMaxSpanWeeks)
    .sort((a, b) => a[0] - b[0])
    .slice(0, T.declineWindowAnswered);
  const slope =
    usable.length >= T.declineMinAnswered
      ? computeLeastSquaresSlope(
          usable.map(([age]) => -age),
          usable.map(([, value]) => value),
        )
      : null;
  const name = pulseName(metric);
  if (slope === null || baseline.mean === null || recent.mean === null || baseline.answered < T.minBaselineAnswered || recent.answered < T.minRecentAnswered) {
    return {
      status: "insufficient-data",
      baseline,
      recent,
      malformedWeeks,
      slopePerWeek: slope,
      weeksUsed: usable.length,
      explanation: `Not enough check-ins yet to read a trend in your ${name}.`,
    };
  }
  // Rounded before comparing, as every score is (score-precision.ts): a slope of exactly −0.15 a week
  // comes out of the arithmetic as −0.14999999999999997 and must still count as "at or below".
  const isSignal = roundForComparison(slope) <= T.declineSlopePerWeek && roundForComparison(recent.mean) < roundForComparison(baseline.mean);
  return {
    status: isSignal ? "signal" : "no-signal",
    baseline,
    recent,
    malformedWeeks,
    slopePerWeek: slope,
    weeksUsed: usable.length,
    explanation: isSignal
      ? `Your ${name} has gone down for several weeks, by about ${Math.abs(slope).toFixed(2)} points a week. It is now below where it used to be.`
      : `Your ${name} shows no steady slide.`,
  };
}

function pulseName(metric: "wePulse" | "mePulse"): string {
  return metric === "wePulse" ? "We pulse" : "Me pulse";
}

/** The pulses whose decline signal fired, We first. */
export function listDecliningPulses(points: readonly CheckInPoint[], currentWeek: string): Array<"wePulse" | "mePulse"> {
  return (["wePulse", "mePulse"] as const).filter((metric) => detectSustainedDecline(points, currentWeek, metric).status === "signal");
}

/**
 * Who reads a trend flag: the person ("self": "your We pulse…") or someone they share their check-ins
 * with, a partner or a counsellor ("other": "the We pulse in these check-ins…", naming no one).
 */
export type TrendReader = "self" | "other";

function withdrawalWording(signal: TrendSignal, reader: TrendReader): FlagWording {
  return {
    key: `explanation.social-withdrawal.${reader}`,
    params: { recent: (signal.recent.mean ?? 0).toFixed(1), baseline: (signal.baseline.mean ?? 0).toFixed(1) },
  };
}

function declineWording(signals: ReadonlyArray<{ metric: "wePulse" | "mePulse"; signal: DeclineSignal }>, reader: TrendReader): FlagWording {
  const [only] = signals;
  if (signals.length === 1 && only) {
    return { key: `explanation.sustained-decline.${reader}.${only.metric}`, params: { slope: Math.abs(only.signal.slopePerWeek ?? 0).toFixed(2) } };
  }
  return { key: `explanation.sustained-decline.${reader}.both`, params: {} };
}

/** A sustained decline of one pulse or both, as one flag: what it is, how it was found, what may help. */
function declineFlag(points: readonly CheckInPoint[], currentWeek: string, reader: TrendReader): ModelFlag | undefined {
  const signals = (["wePulse", "mePulse"] as const)
    .map((metric) => ({ metric, signal: detectSustainedDecline(points, currentWeek, metric) }))
    .filter(({ signal }) => signal.status === "signal");
  if (signals.length === 0) return undefined;
  return createFlag({
    id: "sustained-decline",
    severity: "medium",
    rule: {
      anyOf: signals.map(({ metric }) => [
        { metric: `${metric} slope per week over the last ${T.declineWindowAnswered} answered weeks`, op: "<=" as const, value: T.declineSlopePerWeek },
        { metric: `${metric} recent mean − baseline mean`, op: "<" as const, value: 0 },
      ]),
      text: flagRuleIn("sustained-decline", "en"),
    },
    wording: declineWording(signals, reader),
    // A fading bond: backing each other's passions is the article's way back to each other. A fading self
    // (alone or with the bond): one's own people, who know you apart from the couple and give an outside view.
    practice: signals.some(({ metric }) => metric === "mePulse") ? "friends-family" : "support-passions",
  });
}

/**
 * The trend flags of a person's check-ins: social withdrawal, and a sustained decline of the We or Me
 * pulse, worded for the person or for someone they share their check-ins with.
 */
export function deriveTrendFlags(points: readonly CheckInPoint[], currentWeek: string, reader: TrendReader = "self"): ModelFlag[] {
  const flags: ModelFlag[] = [];
  const withdrawal = detectSocialWithdrawal(points, currentWeek);
  if (withdrawal.status === "signal") {
    flags.push(
      createFlag({
        id: "social-withdrawal",
        severity: "medium",
        rule: {
          anyOf: [[{ metric: "recent mean friendsFamilyHours / baseline mean", op: "<=", value: T.withdrawalRatio }]],
          text: flagRuleIn("social-withdrawal", "en"),
        },
        wording: withdrawalWording(withdrawal, reader),
        practice: "friends-family",
      }),
    );
  }
  const decline = declineFlag(points, currentWeek, reader);
  if (decline) flags.push(decline);
  return flags;
}
