import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { CounsellorRequestsResponse, CreateClientRequestBody } from "@mutual/core";
import { requestJson } from "../../../lib/api-client";

const keyOf = (practiceId: string, clientId: string) => ["client-requests", practiceId, clientId] as const;
const pathOf = (practiceId: string, clientId: string) => `/api/practices/${encodeURIComponent(practiceId)}/clients/${encodeURIComponent(clientId)}/requests`;

/** The requests this counsellor made of one client, with where each stands. */
export function useClientRequests(practiceId: string, clientId: string) {
  return useQuery({ queryKey: keyOf(practiceId, clientId), queryFn: () => requestJson<CounsellorRequestsResponse>(pathOf(practiceId, clientId)) });
}

export function useCreateClientRequest(practiceId: string, clientId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateClientRequestBody) => requestJson<CounsellorRequestsResponse>(pathOf(practiceId, clientId), { method: "POST", body }),
    onSuccess: (answer) => queryClient.setQueryData(keyOf(practiceId, clientId), answer),
  });
}
