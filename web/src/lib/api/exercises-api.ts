import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { ExerciseCompletion, ExerciseCompletionListResponse, ExerciseListResponse } from "@mutual/core";
import { requestJson } from "../api-client";

export const exerciseQueryKeys = {
  list: ["exercises"] as const,
  completions: (exerciseId: string) => ["exercises", exerciseId, "completions"] as const,
};

/** Every exercise with this person's suggestions, held-back state and completions. */
export function useExercises() {
  return useQuery({ queryKey: exerciseQueryKeys.list, queryFn: () => requestJson<ExerciseListResponse>("/api/exercises") });
}

/** Past completions of one exercise, with their private reflections (owner only). */
export function useExerciseCompletions(exerciseId: string) {
  return useQuery({
    queryKey: exerciseQueryKeys.completions(exerciseId),
    queryFn: () => requestJson<ExerciseCompletionListResponse>(`/api/exercises/${encodeURIComponent(exerciseId)}/completions`),
  });
}

export function useCompleteExercise(exerciseId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (reflection: string) =>
      requestJson<ExerciseCompletion>(`/api/exercises/${encodeURIComponent(exerciseId)}/completions`, {
        method: "POST",
        body: reflection.trim() === "" ? {} : { reflection: reflection.trim() },
      }),
    onSuccess: async () => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: exerciseQueryKeys.list }),
        queryClient.invalidateQueries({ queryKey: exerciseQueryKeys.completions(exerciseId) }),
      ]);
    },
  });
}
