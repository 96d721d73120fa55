// Every cut-off the model uses, in one place, so docs/model.md and the code cannot drift apart.
// Scores are on the 0–100 scale unless a unit says otherwise. None of these are normed yet:
// they are reasoned starting points (see docs/model.md, "Thresholds") to be revisited with data.

/** The single table of model thresholds. */
export const MODEL_THRESHOLDS = {
  scoring: {
    /** A dimension is scored (prorated) when at least this share of its items is answered. */
    minAnsweredShare: 0.75,
    /** How many answers an explanation lists, strongest first. */
    explanationSize: 3,
  },
  pattern: {
    /** 50 = keyed mean of 4, "neither agree nor disagree": the point where the scale turns from no to yes. */
    cutPoint: 50,
    /** Half-width of the "between patterns" band, in standard errors of measurement of the axis. */
    bandInSem: 1,
  },
  flags: {
    /** power-imbalance: VOICE below these. */
    lowVoice: { medium: 40, high: 25 },
    /** codependency-risk: co-dependency index at or above these. */
    codependency: { medium: 60, high: 75 },
    /** low-intimacy: CLOSE below these. */
    lowIntimacy: { medium: 40, high: 25 },
    /** low-support: SUPPORT below this, or either sub-scale below subscaleBelow. */
    lowSupport: { below: 40, subscaleBelow: 35 },
    /** difference-reflection: raw answer to the core-value-gap item at or above this (5 = somewhat agree), or ACCEPT below acceptBelow. */
    differenceReflection: { coreValueGapAtLeast: 5, acceptBelow: 40 },
    /**
     * safety: any SAFE item, after keying, at or above keyedAnswerAtLeast (5 = somewhat agree with a
     * concern); an item of high severity (being hurt or threatened) already from highSeverityKeyedAtLeast
     * (4 = neither agree nor disagree: not ruling it out is itself worth a gentle word). High from
     * highAnswerAtLeast or a high-severity item. See docs/model.md, §4 and §5.
     */
    safety: { keyedAnswerAtLeast: 5, highSeverityKeyedAtLeast: 4, highAnswerAtLeast: 6 },
  },
  couple: {
    /** Partners' scores on a dimension differ by at least this: "different experiences". */
    differentExperience: 20,
    /** VOICE gap at or above this: couple-level power imbalance. */
    voiceGap: 25,
    /** Both partners' CLOSE below this: relationship counselling suggested. */
    bothLowClose: 40,
    /** Giving (as I see it) vs receiving (as my partner feels it) apart by at least this. */
    crossPerceptionGap: 20,
  },
  change: {
    /** |RCI| above this is reliable change (two-tailed 95%). */
    rciCritical: 1.96,
  },
  trends: {
    /** Recent window: the last N ISO weeks, current week included. */
    recentWeeks: 4,
    /** Baseline window: the N ISO weeks just before the recent window. */
    baselineWeeks: 8,
    /** Answered weeks needed in each window before a signal may fire. */
    minRecentAnswered: 2,
    minBaselineAnswered: 3,
    /** social-withdrawal: recent mean hours at or below this share of the baseline mean. */
    withdrawalRatio: 0.5,
    /** Ignore baselines under this many hours a week: halving near zero is noise. */
    minBaselineHours: 1,
    /** sustained decline: least-squares slope over the last N answered weeks … */
    declineWindowAnswered: 6,
    declineMinAnswered: 4,
    /** … at or below this many pulse points (1–7 scale) per week … */
    declineSlopePerWeek: -0.15,
    /** … and the points must span no more than this many weeks, so old answers do not count as recent. */
    declineMaxSpanWeeks: 10,
  },
} as const;

export type ModelThresholds = typeof MODEL_THRESHOLDS;
