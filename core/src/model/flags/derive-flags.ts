// Individual flags from a scored profile and the private safety screen.
import type { Instrument } from "../instrument/instrument-types.js";
import { findItem, keyAnswer, labelScalePoint, listDimensionItems } from "../instrument/instrument-lookup.js";
import type { ProfileAnswers } from "../instrument/profile-answers.js";
import { MODEL_THRESHOLDS } from "../model-thresholds.js";
import { rankInfluences } from "../scoring/explain-influence.js";
import type { DimensionScore, ItemInfluence, Profile, SafetyScreen } from "../scoring/score-types.js";
import type { FlagSeverity, ModelFlag } from "./flag-types.js";

const T = MODEL_THRESHOLDS.flags;

function scoreOf(score: DimensionScore): number | undefined {
  return score.status === "scored" ? score.score : undefined;
}

function lowered(instrument: Instrument, code: Parameters<typeof listDimensionItems>[1], answers: ProfileAnswers): ItemInfluence[] {
  return rankInfluences(instrument, listDimensionItems(instrument, code), answers).filter((entry) => entry.direction === "lowered").slice(0, MODEL_THRESHOLDS.scoring.explanationSize);
}

function quote(influences: readonly ItemInfluence[]): string {
  if (influences.length === 0) return "";
  return ` The answers that weighed most: ${influences.map((entry) => `"${entry.plain}" (${entry.answerLabel.toLowerCase()})`).join("; ")}.`;
}

function severityBelow(value: number, thresholds: { medium: number; high: number }): FlagSeverity {
  return value < thresholds.high ? "high" : "medium";
}

/** Derive every individual flag; a safety flag downgrades joint suggestions to individual ones. */
export function deriveFlags(instrument: Instrument, profile: Profile, answers: ProfileAnswers, safety?: SafetyScreen): ModelFlag[] {
  const flags: ModelFlag[] = [];
  const voice = scoreOf(profile.dimensions.VOICE);
  if (voice !== undefined && voice < T.lowVoice.medium) {
    const severity = severityBelow(voice, T.lowVoice);
    const triggeredBy = lowered(instrument, "VOICE", answers);
    flags.push({
      id: "power-imbalance",
      severity,
      rule: { anyOf: [[{ metric: "VOICE", op: "<", value: T.lowVoice.medium }]], text: `Voice is below ${T.lowVoice.medium} (high below ${T.lowVoice.high}).` },
      explanation: `Your Voice score is ${Math.round(voice)}: it may be hard to say what you think or need in this relationship. That can point to an imbalance of power.${quote(triggeredBy)}`,
      triggeredBy,
      practice: "speak-up",
      counselling: severity === "high" ? "relationship" : "none",
      holdsBackJointExercises: false,
      isPrivate: false,
    });
  }

  if (profile.codependency.status === "scored" && profile.codependency.score >= T.codependency.medium) {
    const value = profile.codependency.score;
    flags.push({
      id: "codependency-risk",
      severity: value >= T.codependency.high ? "high" : "medium",
      rule: { anyOf: [[{ metric: "CODEPENDENCY", op: ">=", value: T.codependency.medium }]], text: `Co-dependency index at or above ${T.codependency.medium} (high from ${T.codependency.high}).` },
      explanation: `Your co-dependency index is ${Math.round(value)}: much of your mood and worth seems to rest on your partner while your own interests and people get less room.${quote(profile.codependency.explanation.influences)}`,
      triggeredBy: profile.codependency.explanation.influences,
      practice: "friends-family",
      counselling: "individual",
      holdsBackJointExercises: false,
      isPrivate: false,
    });
  }

  const close = scoreOf(profile.dimensions.CLOSE);
  if (close !== undefined && close < T.lowIntimacy.medium) {
    const triggeredBy = lowered(instrument, "CLOSE", answers);
    flags.push({
      id: "low-intimacy",
      severity: severityBelow(close, T.lowIntimacy),
      rule: { anyOf: [[{ metric: "CLOSE", op: "<", value: T.lowIntimacy.medium }]], text: `Closeness is below ${T.lowIntimacy.medium} (high below ${T.lowIntimacy.high}).` },
      explanation: `Your Closeness score is ${Math.round(close)}: feeling near to your partner and sharing what is inside seems hard right now.${quote(triggeredBy)}`,
      triggeredBy,
      practice: "support-passions",
      counselling: "relationship",
      holdsBackJointExercises: false,
      isPrivate: false,
    });
  }

  const support = scoreOf(profile.dimensions.SUPPORT);
  const giving = scoreOf(profile.subscales.giving);
  const receiving = scoreOf(profile.subscales.receiving);
  const lowSupport =
    (support !== undefined && support < T.lowSupport.below) ||
    (giving !== undefined && giving < T.lowSupport.subscaleBelow) ||
    (receiving !== undefined && receiving < T.lowSupport.subscaleBelow);
  if (lowSupport) {
    const triggeredBy = lowered(instrument, "SUPPORT", answers);
    flags.push({
      id: "low-support",
      severity: "medium",
      rule: {
        anyOf: [
          [{ metric: "SUPPORT", op: "<", value: T.lowSupport.below }],
          [{ metric: "SUPPORT_GIVING", op: "<", value: T.lowSupport.subscaleBelow }],
          [{ metric: "SUPPORT_RECEIVING", op: "<", value: T.lowSupport.subscaleBelow }],
        ],
        text: `Support below ${T.lowSupport.below}, or the support you give or receive below ${T.lowSupport.subscaleBelow}.`,
      },
      explanation: `Backing each other's passions seems thin at the moment (support ${support === undefined ? "not scored" : Math.round(support)}, giving ${giving === undefined ? "not scored" : Math.round(giving)}, receiving ${receiving === undefined ? "not scored" : Math.round(receiving)}).${quote(triggeredBy)}`,
      triggeredBy,
      practice: "support-passions",
      counselling: "none",
      holdsBackJointExercises: false,
      isPrivate: false,
    });
  }

  const accept = scoreOf(profile.dimensions.ACCEPT);
  const worryItem = findItem(instrument, "accept-6");
  const worryAnswer = answers["accept-6"];
  const hasWorry = worryAnswer !== null && worryAnswer !== undefined && worryAnswer >= T.differenceReflection.coreValueWorryAtLeast;
  if (hasWorry || (accept !== undefined && accept < T.differenceReflection.acceptBelow)) {
    const triggeredBy: ItemInfluence[] = [];
    if (hasWorry && worryItem !== undefined) {
      const keyed = keyAnswer(worryItem, worryAnswer, instrument.scale.min, instrument.scale.max);
      const midpoint = (instrument.scale.min + instrument.scale.max) / 2;
      triggeredBy.push({ itemId: worryItem.id, plain: worryItem.plain, answer: worryAnswer, answerLabel: labelScalePoint(instrument, worryAnswer), keyed, direction: "lowered", strength: Math.abs(keyed - midpoint) });
    }
    for (const entry of lowered(instrument, "ACCEPT", answers)) if (entry.itemId !== "accept-6") triggeredBy.push(entry);
    flags.push({
      id: "difference-reflection",
      severity: "low",
      rule: {
        anyOf: [[{ metric: "answer:accept-6", op: ">=", value: T.differenceReflection.coreValueWorryAtLeast }], [{ metric: "ACCEPT", op: "<", value: T.differenceReflection.acceptBelow }]],
        text: `You agreed that a gap in core values worries you, or Accepting differences is below ${T.differenceReflection.acceptBelow}.`,
      },
      explanation: `Some differences between you weigh on you. It can help to sort the ones that are simply normal from any that are a true dealbreaker for you.${quote(triggeredBy.slice(0, MODEL_THRESHOLDS.scoring.explanationSize))}`,
      triggeredBy: triggeredBy.slice(0, MODEL_THRESHOLDS.scoring.explanationSize),
      practice: "speak-up",
      counselling: "none",
      holdsBackJointExercises: false,
      isPrivate: false,
    });
  }

  if (safety !== undefined && safety.concerns.length > 0) {
    const highest = safety.highestKeyed ?? 0;
    flags.push({
      id: "safety",
      severity: highest >= T.safety.highAnswerAtLeast ? "high" : "medium",
      rule: { anyOf: [[{ metric: "max keyed SAFE answer", op: ">=", value: T.safety.keyedAnswerAtLeast }]], text: `Any safety question answered at ${T.safety.keyedAnswerAtLeast} (somewhat agree with a concern) or beyond.` },
      explanation: `Some of your answers suggest you may not always feel safe with your partner.${quote(safety.concerns)} You deserve to feel safe. Help is available, and exercises you would do together are paused.`,
      triggeredBy: safety.concerns,
      practice: "friends-family",
      counselling: "safety-resources",
      holdsBackJointExercises: true,
      isPrivate: true,
    });
    // Joint counselling can be unsafe where there is fear or control: point to individual help instead.
    for (const flag of flags) if (flag.counselling === "relationship") flag.counselling = "individual";
  }
  return flags;
}
