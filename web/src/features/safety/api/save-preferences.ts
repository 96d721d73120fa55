import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { Preferences, PutPreferencesBody } from "@mutual/core";
import { requestJson } from "../../../lib/api-client";
import { preferencesQueryKey } from "./preferences-api";

/** Replaces the person's settings; every page's Quick exit reads the new choice at once. */
export function usePutPreferences() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (preferences: PutPreferencesBody) => requestJson<Preferences>("/api/preferences", { method: "PUT", body: preferences }),
    onSuccess: (preferences) => queryClient.setQueryData(preferencesQueryKey, preferences),
  });
}
