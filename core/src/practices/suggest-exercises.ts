// Which exercises to suggest to a person, and which to hold back, from their practice guidance. Pure.
import type { PracticeId } from "../model/flags/flag-types.js";
import type { PracticeExercise } from "./exercise-types.js";
import { PRACTICE_EXERCISES } from "./practice-exercises.js";

/** What the person's latest profile says about practising (from their own flags and scores). */
export type ExerciseGuidance = {
  /** Most relevant first. */
  suggestedPractices: readonly PracticeId[];
  /** While the person's safety screen raised a concern, joint exercises are held back. */
  holdsBackJointExercises: boolean;
  /** One plain sentence per suggested practice. */
  reasons: Partial<Record<PracticeId, string>>;
};

export type ExerciseSuggestion = {
  exercise: PracticeExercise;
  isSuggested: boolean;
  suggestionReason: string | null;
  isHeldBack: boolean;
};

/** How many exercises to suggest per suggested practice. */
export const SUGGESTIONS_PER_PRACTICE = 2;

/**
 * Every exercise, marked: held back when it is joint and joint exercises are paused; suggested
 * when its practice is suggested and it is among the first exercises of that practice that are
 * neither held back nor already done (done ones are suggested only when nothing else is left).
 * Ordered by suggested practice first (most relevant first), then the rest in their usual order.
 */
export function suggestExercises(
  guidance: ExerciseGuidance,
  options: { completedIds?: ReadonlySet<string>; exercises?: readonly PracticeExercise[] } = {},
): ExerciseSuggestion[] {
  const exercises = options.exercises ?? PRACTICE_EXERCISES;
  const completed = options.completedIds ?? new Set<string>();
  const suggestedIds = new Set<string>();
  for (const practice of guidance.suggestedPractices) {
    const available = exercises.filter((exercise) => exercise.practice === practice && !(exercise.isJoint && guidance.holdsBackJointExercises));
    const fresh = available.filter((exercise) => !completed.has(exercise.id));
    const pool = fresh.length > 0 ? fresh : available;
    for (const exercise of pool.slice(0, SUGGESTIONS_PER_PRACTICE)) suggestedIds.add(exercise.id);
  }
  const rank = (practice: PracticeId): number => {
    const index = guidance.suggestedPractices.indexOf(practice);
    return index < 0 ? guidance.suggestedPractices.length : index;
  };
  return exercises
    .map((exercise, index) => ({ exercise, index }))
    .sort((a, b) => rank(a.exercise.practice) - rank(b.exercise.practice) || a.index - b.index)
    .map(({ exercise }) => {
      const isSuggested = suggestedIds.has(exercise.id);
      return {
        exercise,
        isSuggested,
        suggestionReason: isSuggested ? (guidance.reasons[exercise.practice] ?? "Your profile points to this practice.") : null,
        isHeldBack: exercise.isJoint && guidance.holdsBackJointExercises,
      };
    });
}
