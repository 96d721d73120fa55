import { useQuery } from "@tanstack/react-query";
import type { CheckInListResponse } from "@mutual/core";
import { requestJson } from "../api-client";

/** Every week's scored answers (oldest first), the trend signals and the check-in definition. */
export function useCheckInHistory() {
  return useQuery({ queryKey: ["check-ins", "list"], queryFn: () => requestJson<CheckInListResponse>("/api/check-ins") });
}
