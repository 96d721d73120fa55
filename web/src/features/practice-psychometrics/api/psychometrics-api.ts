import { useQuery } from "@tanstack/react-query";
import type { PracticePsychometricsResponse } from "@mutual/core";
import { requestJson } from "../../../lib/api-client";

// The instrument on the practice's own clients (decision 017): aggregates and N, for its owners and admins.
export const usePracticePsychometrics = (practiceId: string) =>
  useQuery({
    queryKey: ["practice-psychometrics", practiceId],
    queryFn: () => requestJson<PracticePsychometricsResponse>(`/api/practices/${encodeURIComponent(practiceId)}/psychometrics`),
    retry: false,
  });
