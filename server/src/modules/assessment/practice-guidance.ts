// Which practices to suggest, and why, from a person's own flags and scores. Pure.
import {
  practiceReasonText,
  textIn,
  type Language,
  type ModelFlag,
  type OwnerFlagView,
  type PracticeId,
  type PracticeReasonKey,
  type Profile,
} from "@mutual/core";

export type PracticeGuidance = {
  /** Most relevant first; empty before a first completed profile. */
  suggestedPractices: PracticeId[];
  /** True while the owner's safety flag is up: exercises done together are paused. */
  holdsBackJointExercises: boolean;
  /** One plain sentence per suggested practice. */
  reasons: Partial<Record<PracticeId, string>>;
};

export const NO_GUIDANCE: PracticeGuidance = { suggestedPractices: [], holdsBackJointExercises: false, reasons: {} };

/** The practices the flags link to, without repeats, in flag order. */
export function practicesFromFlags(flags: readonly ModelFlag[]): PracticeId[] {
  const seen: PracticeId[] = [];
  for (const flag of flags) if (!seen.includes(flag.practice)) seen.push(flag.practice);
  return seen;
}

/** Where no flag fired, the practice for the lowest of the person's own scores, gently offered. */
const PRACTICE_BY_DIMENSION: Record<"CLOSE" | "SUPPORT" | "ACCEPT" | "VOICE" | "SELF" | "TIES", PracticeId> = {
  CLOSE: "support-passions",
  SUPPORT: "support-passions",
  ACCEPT: "speak-up",
  VOICE: "speak-up",
  SELF: "support-passions",
  TIES: "friends-family",
};

const isReasonKey = (key: string): key is PracticeReasonKey => key in practiceReasonText.en;

/** The guidance, its reasons in the language of the page that asks (core's practiceReasonText). */
export function derivePracticeGuidance(profile: Profile, owner: OwnerFlagView, language: Language = "en"): PracticeGuidance {
  const say = textIn(practiceReasonText, language);
  const reasons: Partial<Record<PracticeId, string>> = {};
  const suggested = practicesFromFlags(owner.flags);
  for (const flag of owner.flags) reasons[flag.practice] ??= say(isReasonKey(flag.id) ? flag.id : "default");
  if (suggested.length === 0) {
    let lowest: { code: keyof typeof PRACTICE_BY_DIMENSION; score: number } | null = null;
    for (const code of Object.keys(PRACTICE_BY_DIMENSION) as Array<keyof typeof PRACTICE_BY_DIMENSION>) {
      const score = profile.dimensions[code];
      if (score.status === "scored" && (lowest === null || score.score < lowest.score)) lowest = { code, score: score.score };
    }
    if (lowest !== null) {
      const practice = PRACTICE_BY_DIMENSION[lowest.code];
      suggested.push(practice);
      reasons[practice] = say("lowest-score");
    }
  }
  return { suggestedPractices: suggested, holdsBackJointExercises: owner.holdsBackJointExercises, reasons };
}
