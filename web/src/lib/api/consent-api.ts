import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { ConsentStatus } from "@mutual/core";
import { requestJson } from "../api-client";

export type { ConsentStatus };

export const consentQueryKey = ["consent"] as const;

/** Whether the signed-in person has agreed to the notice in force, and which version that is. */
export function useConsent() {
  return useQuery({ queryKey: consentQueryKey, queryFn: () => requestJson<ConsentStatus>("/api/consent") });
}

/** Records the person's agreement to the notice version the server says is in force (the one shown). */
export function useGiveConsent() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (noticeVersion: string) => requestJson<ConsentStatus>("/api/consent", { method: "POST", body: { noticeVersion, agree: true } }),
    onSuccess: (status) => queryClient.setQueryData(consentQueryKey, status),
  });
}
