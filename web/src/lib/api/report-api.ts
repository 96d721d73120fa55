import { useQuery } from "@tanstack/react-query";
import type { ClientDetailResponse } from "@mutual/core";
import { requestJson } from "../api-client";

// The printable report reads the client detail (decision 016): each read is an audit row the
// client sees, so it is read once per visit and never again on focus or reconnect. Every visit
// reads afresh and nothing is kept after leaving (staleTime and gcTime 0): after a client stops
// sharing, an open app must not print the report it read before.

const base = (practiceId: string, clientId: string) => `/api/practices/${encodeURIComponent(practiceId)}/clients/${encodeURIComponent(clientId)}`;

export const useClientReport = (practiceId: string, clientId: string) =>
  useQuery({
    queryKey: ["practice-report", practiceId, clientId],
    queryFn: () => requestJson<ClientDetailResponse>(base(practiceId, clientId)),
    staleTime: 0,
    gcTime: 0,
    refetchOnWindowFocus: false,
    refetchOnReconnect: false,
    retry: false,
  });

/** Where the client's exports download from (decision 017): plain links, the browser saves the file. */
export const exportUrls = (practiceId: string, clientId: string) => ({
  fhir: `${base(practiceId, clientId)}/export.fhir.json`,
  csv: `${base(practiceId, clientId)}/export.csv`,
});
