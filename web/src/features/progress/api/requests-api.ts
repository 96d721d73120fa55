import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { OpenRequestsResponse } from "@mutual/core";
import { requestJson } from "../../../lib/api-client";

const openRequestsKey = ["requests", "open"] as const;

/** What the person's counsellor asked of them and is still open. */
export function useOpenRequests() {
  return useQuery({ queryKey: openRequestsKey, queryFn: () => requestJson<OpenRequestsResponse>("/api/requests") });
}

/** Says no to one request; the list is read again. */
export function useDeclineRequest() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (requestId: string) => requestJson<null>(`/api/requests/${encodeURIComponent(requestId)}/decline`, { method: "POST", body: {} }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: openRequestsKey }),
  });
}
