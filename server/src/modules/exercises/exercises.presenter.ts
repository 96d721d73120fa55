import type { ExerciseCompletion, ExerciseSuggestion, ExerciseView } from "@mutual/core";

export type CompletionSummaryInput = { id: string; completedAtMs: number; hasReflection: boolean };

/** One exercise as its owner sees it, field by field. */
export function presentExercise(suggestion: ExerciseSuggestion, completions: readonly CompletionSummaryInput[]): ExerciseView {
  const { exercise } = suggestion;
  return {
    id: exercise.id,
    practice: exercise.practice,
    title: exercise.title,
    summary: exercise.summary,
    minutes: exercise.minutes,
    steps: [...exercise.steps],
    reflectionPrompt: exercise.reflectionPrompt,
    isJoint: exercise.isJoint,
    isSuggested: suggestion.isSuggested,
    suggestionReason: suggestion.suggestionReason,
    isHeldBack: suggestion.isHeldBack,
    completions: completions.map((completion) => ({
      id: completion.id,
      completedAt: new Date(completion.completedAtMs).toISOString(),
      hasReflection: completion.hasReflection,
    })),
  };
}

export function presentCompletion(completion: { id: string; exerciseId: string; completedAtMs: number; reflection: string | null }): ExerciseCompletion {
  return {
    id: completion.id,
    exerciseId: completion.exerciseId,
    completedAt: new Date(completion.completedAtMs).toISOString(),
    reflection: completion.reflection,
  };
}
