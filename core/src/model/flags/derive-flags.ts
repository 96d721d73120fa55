// Individual flags from a scored profile, and the private safety flag from the SAFE screen.
// The shareable flags are computed without the screen at all, so nothing in them can hint at it.
import type { Instrument } from "../instrument/instrument-types.js";
import { findItemByRole, listDimensionItems } from "../instrument/instrument-lookup.js";
import type { ProfileAnswers } from "../instrument/profile-answers.js";
import { readValidAnswer } from "../instrument/read-answer.js";
import { MODEL_THRESHOLDS } from "../model-thresholds.js";
import { roundForComparison } from "../score-precision.js";
import { buildInfluence, rankInfluences, selectStrongest } from "../scoring/explain-influence.js";
import type { DimensionScore, ItemInfluence, Profile, SafetyScreen } from "../scoring/score-types.js";
import { adjustFlagsForOwnSafety, createFlag } from "./create-flag.js";
import { explainFlagIn, flagRuleIn } from "./flag-text.js";
import type { DerivedFlags, FlagCondition, FlagSeverity, ModelFlag, SafetyFlag } from "./flag-types.js";

const T = MODEL_THRESHOLDS.flags;

function scoreOf(score: DimensionScore): number | undefined {
  return score.status === "scored" ? roundForComparison(score.score) : undefined;
}

function lowered(instrument: Instrument, code: Parameters<typeof listDimensionItems>[1], answers: ProfileAnswers): ItemInfluence[] {
  return selectStrongest(rankInfluences(instrument, listDimensionItems(instrument, code), answers).filter((entry) => entry.direction === "lowered"));
}

function severityBelow(value: number, thresholds: { medium: number; high: number }): FlagSeverity {
  return value < thresholds.high ? "high" : "medium";
}

function lowVoiceFlag(instrument: Instrument, profile: Profile, answers: ProfileAnswers): ModelFlag | undefined {
  const voice = scoreOf(profile.dimensions.VOICE);
  if (voice === undefined || voice >= T.lowVoice.medium) return undefined;
  const severity = severityBelow(voice, T.lowVoice);
  const triggeredBy = lowered(instrument, "VOICE", answers);
  return createFlag({
    id: "power-imbalance",
    severity,
    rule: { anyOf: [[{ metric: "VOICE", op: "<", value: T.lowVoice.medium }]], text: flagRuleIn("power-imbalance", "en") },
    wording: { key: "explanation.power-imbalance", params: { score: Math.round(voice) } },
    instrument,
    triggeredBy,
    practice: "speak-up",
    // Not "relationship": a voice this low can come with control, and then couples work can be unsafe
    // (docs/model.md, §6). The person chooses: a counsellor on their own or together.
    counselling: severity === "high" ? "own-or-together" : "none",
  });
}

function codependencyFlag(profile: Profile): ModelFlag | undefined {
  if (profile.codependency.status !== "scored") return undefined;
  const value = roundForComparison(profile.codependency.score);
  if (value < T.codependency.medium) return undefined;
  const { influences } = profile.codependency.explanation;
  return createFlag({
    id: "codependency-risk",
    severity: value >= T.codependency.high ? "high" : "medium",
    rule: {
      anyOf: [[{ metric: "CODEPENDENCY", op: ">=", value: T.codependency.medium }]],
      text: flagRuleIn("codependency-risk", "en"),
    },
    wording: { key: "explanation.codependency-risk", params: { score: Math.round(value) } },
    triggeredBy: influences,
    practice: "friends-family",
    counselling: "individual",
  });
}

function lowIntimacyFlag(instrument: Instrument, profile: Profile, answers: ProfileAnswers): ModelFlag | undefined {
  const close = scoreOf(profile.dimensions.CLOSE);
  if (close === undefined || close >= T.lowIntimacy.medium) return undefined;
  const triggeredBy = lowered(instrument, "CLOSE", answers);
  return createFlag({
    id: "low-intimacy",
    severity: severityBelow(close, T.lowIntimacy),
    rule: {
      anyOf: [[{ metric: "CLOSE", op: "<", value: T.lowIntimacy.medium }]],
      text: flagRuleIn("low-intimacy", "en"),
    },
    wording: { key: "explanation.low-intimacy", params: { score: Math.round(close) } },
    instrument,
    triggeredBy,
    practice: "support-passions",
    counselling: "relationship",
  });
}

function lowSupportFlag(instrument: Instrument, profile: Profile, answers: ProfileAnswers): ModelFlag | undefined {
  const support = scoreOf(profile.dimensions.SUPPORT);
  const giving = scoreOf(profile.subscales.giving);
  const receiving = scoreOf(profile.subscales.receiving);
  const isLow =
    (support !== undefined && support < T.lowSupport.below) ||
    (giving !== undefined && giving < T.lowSupport.subscaleBelow) ||
    (receiving !== undefined && receiving < T.lowSupport.subscaleBelow);
  if (!isLow) return undefined;
  const triggeredBy = lowered(instrument, "SUPPORT", answers);
  const shown = (value: number | undefined) => (value === undefined ? null : Math.round(value));
  return createFlag({
    id: "low-support",
    severity: "medium",
    rule: {
      anyOf: [
        [{ metric: "SUPPORT", op: "<", value: T.lowSupport.below }],
        [{ metric: "SUPPORT_GIVING", op: "<", value: T.lowSupport.subscaleBelow }],
        [{ metric: "SUPPORT_RECEIVING", op: "<", value: T.lowSupport.subscaleBelow }],
      ],
      text: flagRuleIn("low-support", "en"),
    },
    wording: { key: "explanation.low-support", params: { support: shown(support), giving: shown(giving), receiving: shown(receiving) } },
    instrument,
    triggeredBy,
    practice: "support-passions",
  });
}

function differenceReflectionFlag(instrument: Instrument, profile: Profile, answers: ProfileAnswers): ModelFlag | undefined {
  const accept = scoreOf(profile.dimensions.ACCEPT);
  // Found by role, not id, so a later instrument version can move the question without touching this rule.
  const gapItem = findItemByRole(instrument, "core-value-gap");
  const gapAnswer = gapItem === undefined ? undefined : readValidAnswer(instrument, answers, gapItem.id);
  const gapInfluence =
    gapItem !== undefined && gapAnswer !== undefined && gapAnswer >= T.differenceReflection.coreValueGapAtLeast
      ? buildInfluence(instrument, gapItem, gapAnswer)
      : undefined;
  if (gapInfluence === undefined && (accept === undefined || accept >= T.differenceReflection.acceptBelow)) return undefined;
  const others = lowered(instrument, "ACCEPT", answers).filter((entry) => entry.itemId !== gapInfluence?.itemId);
  // The answer that fired the rule leads the list, whatever its strength.
  const triggeredBy = [...(gapInfluence === undefined ? [] : [gapInfluence]), ...others].slice(0, MODEL_THRESHOLDS.scoring.explanationSize);
  const anyOf: FlagCondition[][] = [[{ metric: "ACCEPT", op: "<", value: T.differenceReflection.acceptBelow }]];
  if (gapItem !== undefined) anyOf.unshift([{ metric: `answer:${gapItem.id}`, op: ">=", value: T.differenceReflection.coreValueGapAtLeast }]);
  return createFlag({
    id: "difference-reflection",
    severity: "low",
    rule: { anyOf, text: flagRuleIn("difference-reflection", "en") },
    wording: { key: "explanation.difference-reflection", params: {} },
    instrument,
    triggeredBy,
    practice: "speak-up",
  });
}

/** Flags a person may choose to share. Takes no safety input, so they cannot depend on SAFE answers. */
export function deriveShareableFlags(instrument: Instrument, profile: Profile, answers: ProfileAnswers): ModelFlag[] {
  const candidates = [
    lowVoiceFlag(instrument, profile, answers),
    codependencyFlag(profile),
    lowIntimacyFlag(instrument, profile, answers),
    lowSupportFlag(instrument, profile, answers),
    differenceReflectionFlag(instrument, profile, answers),
  ];
  return candidates.filter((flag): flag is ModelFlag => flag !== undefined);
}

const SAFETY_WORDING = { key: "explanation.safety", params: {} } as const;

/** The private safety flag, or null when the screen found no concern. */
export function deriveSafetyFlag(safety: SafetyScreen): SafetyFlag | null {
  if (safety.concerns.length === 0) return null;
  const highest = safety.highestKeyed ?? 0;
  const isHigh = safety.concernSeverity === "high" || highest >= T.safety.highAnswerAtLeast;
  return {
    id: "safety",
    severity: isHigh ? "high" : "medium",
    rule: {
      anyOf: [
        [{ metric: "max keyed SAFE answer", op: ">=", value: T.safety.keyedAnswerAtLeast }],
        [{ metric: "keyed answer to a high-severity SAFE item", op: ">=", value: T.safety.highSeverityKeyedAtLeast }],
      ],
      text: flagRuleIn("safety", "en"),
    },
    explanation: explainFlagIn(undefined, SAFETY_WORDING, safety.concerns, "en"),
    wording: SAFETY_WORDING,
    triggeredBy: safety.concerns,
    practice: "friends-family",
    counselling: "safety-resources",
    holdsBackJointExercises: true,
    isPrivate: true,
  };
}

/** Every individual flag, split into what may be shared and what only the person sees. The screen is required. */
export function deriveFlags(instrument: Instrument, profile: Profile, answers: ProfileAnswers, safety: SafetyScreen): DerivedFlags {
  const shareable = deriveShareableFlags(instrument, profile, answers);
  const safetyFlag = deriveSafetyFlag(safety);
  const adjusted = adjustFlagsForOwnSafety(shareable, safetyFlag !== null);
  return {
    shareable,
    ownerOnly: {
      safety: safetyFlag,
      flags: safetyFlag === null ? adjusted : [...adjusted, safetyFlag],
      holdsBackJointExercises: safetyFlag !== null,
      safetyCheckSkipped: safety.allSkipped,
    },
  };
}
