// Shared construction of flags, and the owner-only adjustment a safety concern makes to them.
import type { ItemInfluence } from "../scoring/score-types.js";
import type { Instrument } from "../instrument/instrument-types.js";
import { explainFlagIn } from "./flag-text.js";
import type { FlagWording, ModelFlag } from "./flag-types.js";

export type FlagFields = Omit<ModelFlag, "holdsBackJointExercises" | "isPrivate" | "triggeredBy" | "counselling" | "explanation" | "wording"> &
  Partial<Pick<ModelFlag, "counselling">> & { triggeredBy?: ItemInfluence[]; wording: FlagWording; instrument?: Instrument };

/**
 * A shareable flag: not private, joint exercises not held back, no counselling unless stated. Its
 * explanation is its wording said in English; the wording stays on the flag for other languages.
 */
export function createFlag({ instrument, ...fields }: FlagFields): ModelFlag {
  const triggeredBy = fields.triggeredBy ?? [];
  return {
    counselling: "none",
    ...fields,
    triggeredBy,
    explanation: explainFlagIn(instrument, fields.wording, triggeredBy, "en"),
    holdsBackJointExercises: false,
    isPrivate: false,
  };
}

/**
 * The same flags as seen by a person whose own safety screen raised a concern: joint counselling can be
 * unsafe where there is fear or control, so "relationship" (and the open "own-or-together") becomes
 * "individual" and joint exercises pause. Returns copies; the input (which may be shared) is never
 * changed. Only ever show the result to that person.
 */
export function adjustFlagsForOwnSafety(flags: readonly ModelFlag[], hasSafetyConcern: boolean): ModelFlag[] {
  if (!hasSafetyConcern) return flags.map((flag) => ({ ...flag }));
  return flags.map((flag) => ({ ...flag, counselling: isJointCounselling(flag.counselling) ? "individual" : flag.counselling, holdsBackJointExercises: true }));
}

function isJointCounselling(counselling: ModelFlag["counselling"]): boolean {
  return counselling === "relationship" || counselling === "own-or-together";
}
