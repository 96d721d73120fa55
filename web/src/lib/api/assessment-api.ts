import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { CurrentAssessmentResponse, InProgressAssessment, SaveAnswerResponse, StartAssessmentResponse, SubmitAssessmentResponse } from "@mutual/core";
import { requestJson } from "../api-client";

export type { InProgressAssessment };
export type CurrentAssessment = CurrentAssessmentResponse;
export type AssessmentSection = InProgressAssessment["sections"][number];
export type AssessmentItem = AssessmentSection["items"][number];
export type ScalePoint = InProgressAssessment["scale"][number];

export const currentAssessmentQueryKey = ["assessments", "current"] as const;

/** The assessment in progress (with saved answers, so a person resumes where they stopped) and the history summary. */
export function useCurrentAssessment({ enabled = true }: { enabled?: boolean } = {}) {
  return useQuery({
    enabled,
    queryKey: currentAssessmentQueryKey,
    queryFn: () => requestJson<CurrentAssessment>("/api/assessments/current"),
    // Answers are kept locally while the flow runs; a refetch on focus must not reset the screen.
    refetchOnWindowFocus: false,
  });
}

/** Starts an assessment, or returns the one already in progress. */
export function useStartAssessment() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => requestJson<StartAssessmentResponse>("/api/assessments", { method: "POST", body: {} }),
    onSuccess: (inProgress) =>
      queryClient.setQueryData<CurrentAssessment>(currentAssessmentQueryKey, (current) => ({
        completedCount: current?.completedCount ?? 0,
        lastCompletedAt: current?.lastCompletedAt ?? null,
        retakeAvailableAt: current?.retakeAvailableAt ?? null,
        inProgress,
      })),
  });
}

/** Saves one answer at once; saving the same answer twice is harmless. */
export function saveAnswer(assessmentId: string, itemId: string, value: number) {
  return requestJson<SaveAnswerResponse>(`/api/assessments/${encodeURIComponent(assessmentId)}/answers/${encodeURIComponent(itemId)}`, {
    method: "PUT",
    body: { value },
  });
}

/** Submits a complete assessment; the profile is scored from it. */
export function useSubmitAssessment() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (assessmentId: string) =>
      requestJson<SubmitAssessmentResponse>(`/api/assessments/${encodeURIComponent(assessmentId)}/submit`, { method: "POST", body: {} }),
    // Mark the assessment stale without refetching it here: a refetch would end the flow
    // (nothing in progress any more) before the person is taken to their profile.
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ["assessments"], refetchType: "none" });
      await queryClient.invalidateQueries({ queryKey: ["profile"] });
    },
  });
}

/** Throws away an assessment in progress and its answers. */
export function useDiscardAssessment() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (assessmentId: string) => requestJson<null>(`/api/assessments/${encodeURIComponent(assessmentId)}`, { method: "DELETE" }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["assessments"] }),
  });
}

/** True when a retake may start now: four weeks after the last completed profile. */
export function isRetakeOpen(retakeAvailableAt: string | null): boolean {
  return retakeAvailableAt === null || new Date(retakeAvailableAt).getTime() <= Date.now();
}
