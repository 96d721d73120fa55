// Which practices to suggest, and why, from a person's own flags and scores. Pure.
import type { ModelFlag, OwnerFlagView, PracticeId, Profile } from "@mutual/core";

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

const FLAG_REASONS: Partial<Record<ModelFlag["id"], string>> = {
  "power-imbalance": "Your profile suggests it can be hard to say what you think or need.",
  "codependency-risk": "Your profile suggests your own interests and people have had less room lately.",
  "low-intimacy": "Your profile suggests closeness with your partner feels thin right now.",
  "low-support": "Your profile suggests backing each other's passions could use some care.",
  "difference-reflection": "Your profile suggests some differences between you weigh on you.",
  safety: "Time with people you trust matters, especially now.",
};

/** Where no flag fired, the practice for the lowest of the person's own scores, gently offered. */
const PRACTICE_BY_DIMENSION: Record<"CLOSE" | "SUPPORT" | "ACCEPT" | "VOICE" | "SELF" | "TIES", PracticeId> = {
  CLOSE: "support-passions",
  SUPPORT: "support-passions",
  ACCEPT: "speak-up",
  VOICE: "speak-up",
  SELF: "support-passions",
  TIES: "friends-family",
};

export function derivePracticeGuidance(profile: Profile, owner: OwnerFlagView): PracticeGuidance {
  const reasons: Partial<Record<PracticeId, string>> = {};
  const suggested = practicesFromFlags(owner.flags);
  for (const flag of owner.flags) reasons[flag.practice] ??= FLAG_REASONS[flag.id] ?? "Your profile points to this practice.";
  if (suggested.length === 0) {
    let lowest: { code: keyof typeof PRACTICE_BY_DIMENSION; score: number } | null = null;
    for (const code of Object.keys(PRACTICE_BY_DIMENSION) as Array<keyof typeof PRACTICE_BY_DIMENSION>) {
      const score = profile.dimensions[code];
      if (score.status === "scored" && (lowest === null || score.score < lowest.score)) lowest = { code, score: score.score };
    }
    if (lowest !== null) {
      const practice = PRACTICE_BY_DIMENSION[lowest.code];
      suggested.push(practice);
      reasons[practice] = "Of your scores, this is the area with the most room to grow.";
    }
  }
  return { suggestedPractices: suggested, holdsBackJointExercises: owner.holdsBackJointExercises, reasons };
}
