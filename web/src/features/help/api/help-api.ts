import { useQuery } from "@tanstack/react-query";
import type { HelpResourcesResponse } from "@mutual/core";
import { requestJson } from "../../../lib/api-client";

/** The operator's list of help services (public: it works signed out too). */
export function useHelpResources() {
  return useQuery({
    queryKey: ["help", "resources"],
    queryFn: () => requestJson<HelpResourcesResponse>("/api/help/resources"),
    staleTime: 60 * 60_000,
  });
}
