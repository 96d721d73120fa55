import { useQuery } from "@tanstack/react-query";
import type { Preferences } from "@mutual/core";
import { requestJson } from "../../../lib/api-client";

export type { Preferences };

export const preferencesQueryKey = ["preferences"] as const;

/**
 * The person's own settings; only asked for while someone is signed in. Read on every page (Quick
 * exit needs it), so the change of a setting lives apart (save-preferences.ts), off the first load.
 */
export function usePreferences(isSignedIn: boolean) {
  return useQuery({ queryKey: preferencesQueryKey, queryFn: () => requestJson<Preferences>("/api/preferences"), enabled: isSignedIn, staleTime: 5 * 60_000 });
}
