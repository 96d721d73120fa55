import { useQuery } from "@tanstack/react-query";
import type { ProfileChangeResponse, ProfileResponse } from "@mutual/core";
import { requestJson } from "../api-client";

export type { ProfileChangeResponse, ProfileResponse };
export type ProfileView = NonNullable<ProfileResponse["profile"]>;
export type PatternCode = ProfileView["pattern"]["code"];
export type PracticeId = ProfileView["suggestedPractices"][number];

/** The person's latest profile (owner's own view) and the list of completed ones. */
export function useProfile({ enabled = true }: { enabled?: boolean } = {}) {
  return useQuery({
    enabled,
    queryKey: ["profile"],
    queryFn: () => requestJson<ProfileResponse>("/api/profile"),
  });
}

/** The last two completed profiles compared per score, with reliable change. */
export function useProfileChange() {
  return useQuery({ queryKey: ["profile", "change"], queryFn: () => requestJson<ProfileChangeResponse>("/api/profile/change") });
}
