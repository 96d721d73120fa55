// Flags: a rule that fired, why, what to practise, and whether to suggest counselling.
import type { ItemInfluence } from "../scoring/score-types.js";

export type PracticeId = "speak-up" | "support-passions" | "friends-family";
/**
 * Which counselling to suggest. "own-or-together" leaves the choice to the person (a counsellor on
 * their own or with their partner): used where a power imbalance is possible, because couples work
 * can be unsafe under control, and a suggestion seen by both must not decide it for the quieter one.
 */
export type CounsellingSuggestion = "none" | "individual" | "own-or-together" | "relationship" | "safety-resources";
export type FlagSeverity = "low" | "medium" | "high";

export const FLAG_IDS = [
  "power-imbalance",
  "codependency-risk",
  "low-intimacy",
  "low-support",
  "difference-reflection",
  "safety",
  "social-withdrawal",
  "sustained-decline",
  "couple-power-imbalance",
  "couple-low-intimacy",
  "support-perception-gap",
] as const;
export type FlagId = (typeof FLAG_IDS)[number];

/** Which sentence explains a flag (flag-text.ts): one per flag, and per reader and pulse for the trend flags. */
export type FlagExplanationKey =
  | "explanation.power-imbalance"
  | "explanation.codependency-risk"
  | "explanation.low-intimacy"
  | "explanation.low-support"
  | "explanation.difference-reflection"
  | "explanation.safety"
  | "explanation.safety.after"
  | "explanation.couple-power-imbalance"
  | "explanation.couple-low-intimacy"
  | "explanation.support-perception-gap"
  | `explanation.social-withdrawal.${"self" | "other"}`
  | `explanation.sustained-decline.${"self" | "other"}.${"wePulse" | "mePulse" | "both"}`;

/**
 * The facts a flag's explanation states, free of any language: the sentence and the numbers (or
 * names) it fills in; null stands for "not scored". A presenter says them in the reader's language.
 */
export type FlagWording = { key: FlagExplanationKey; params: Readonly<Record<string, string | number | null>> };

/** One machine-readable comparison, e.g. { metric: "VOICE", op: "<", value: 40 }. */
export type FlagCondition = { metric: string; op: "<" | "<=" | ">=" | ">"; value: number };

/** Fires when any condition group holds; each group holds when all of its conditions hold. */
export type FlagRule = { anyOf: ReadonlyArray<ReadonlyArray<FlagCondition>>; text: string };

export type ModelFlag = {
  id: FlagId;
  severity: FlagSeverity;
  rule: FlagRule;
  /** Plain words naming the answers (or scores) that triggered the flag, in English (flagWordsIn says them in another language). */
  explanation: string;
  /** What the explanation says, as facts: the same explanation in any language (flag-text.ts). */
  wording?: FlagWording;
  triggeredBy: ItemInfluence[];
  practice: PracticeId;
  counselling: CounsellingSuggestion;
  /** True only for safety, or in the owner's own view once their safety flag fired: joint exercises are held back. */
  holdsBackJointExercises: boolean;
  /** Private flags are shown to the person only, never to a partner. */
  isPrivate: boolean;
};

/** The private safety flag: its own type so it cannot be mistaken for a shareable one. */
export type SafetyFlag = ModelFlag & { id: "safety"; isPrivate: true; holdsBackJointExercises: true };

/** What the person alone sees: their safety flag and their flags adjusted for it. Never sent to a partner. */
export type OwnerFlagView = {
  safety: SafetyFlag | null;
  /** Shareable flags as the owner sees them (counselling adjusted for safety), then the safety flag last. */
  flags: ModelFlag[];
  holdsBackJointExercises: boolean;
  /** Every safety question was skipped: the person gets a gentle, private word and the way to help, never a flag. */
  safetyCheckSkipped: boolean;
};

export type DerivedFlags = {
  /** Computed without SAFE answers, so identical whatever they are: safe to share with a partner. */
  shareable: ModelFlag[];
  /** For the person themself only. */
  ownerOnly: OwnerFlagView;
};
