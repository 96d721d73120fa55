import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { Preferences } from "@mutual/core";
import { requestJson } from "../../../lib/api-client";

export type { Preferences };

export const preferencesQueryKey = ["preferences"] as const;

/** The person's own settings; only asked for while someone is signed in. */
export function usePreferences(isSignedIn: boolean) {
  return useQuery({ queryKey: preferencesQueryKey, queryFn: () => requestJson<Preferences>("/api/preferences"), enabled: isSignedIn, staleTime: 5 * 60_000 });
}

export function usePutPreferences() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (preferences: Preferences) => requestJson<Preferences>("/api/preferences", { method: "PUT", body: preferences }),
    onSuccess: (preferences) => queryClient.setQueryData(preferencesQueryKey, preferences),
  });
}
