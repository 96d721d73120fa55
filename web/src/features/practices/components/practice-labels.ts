import type { ExerciseView } from "@mutual/core";

export type PracticeId = ExerciseView["practice"];

/** The three practices in the order the app presents them. */
export const PRACTICE_ORDER: readonly PracticeId[] = ["speak-up", "support-passions", "friends-family"];
