import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type {
  ClientInviteLookupResponse,
  ClientInvitesResponse,
  ClientKind,
  CounsellingRelationsResponse,
  CounsellingScope,
  CreateClientInviteResponse,
  PracticeClientsResponse,
} from "@mutual/core";
import { requestJson } from "../api-client";

export type {
  ClientInviteLookupResponse,
  ClientInvitesResponse,
  ClientKind,
  CounsellingRelationsResponse,
  CounsellingScope,
  CreateClientInviteResponse,
  PracticeClientsResponse,
};

/**
 * The counselling scopes in the order the page lists them: the contract's COUNSELLING_SCOPES,
 * kept here because that module imports zod and the web app ships without it
 * (counselling-api.test.ts checks they match).
 */
export const COUNSELLING_SCOPE_LIST: readonly CounsellingScope[] = ["profile", "check-ins", "safety", "notes"];
/** What the accept form starts with: the contract's DEFAULT_COUNSELLING_SCOPES. */
export const DEFAULT_SCOPES: readonly CounsellingScope[] = ["profile", "check-ins"];

// ---- the client's side ----

export const counsellingQueryKey = ["counselling"] as const;

/** My counsellors: one relation per practice, with what I share in each. */
export const useCounselling = () => useQuery({ queryKey: counsellingQueryKey, queryFn: () => requestJson<CounsellingRelationsResponse>("/api/counselling") });

function useSetRelations() {
  const queryClient = useQueryClient();
  return async (relations?: CounsellingRelationsResponse) => {
    if (relations) queryClient.setQueryData(counsellingQueryKey, relations);
    await queryClient.invalidateQueries({ queryKey: counsellingQueryKey });
  };
}

/** Who invites me (practice, counsellor, kind): shown before anything is accepted. */
export function useClientInviteLookup(code: string | null) {
  return useQuery({
    enabled: code !== null,
    queryKey: ["client-invite-lookup", code],
    queryFn: () => requestJson<ClientInviteLookupResponse>("/api/counselling/lookup", { method: "POST", body: { code } }),
    retry: false,
    // Each lookup counts against the hourly limit of codes; do not repeat it on focus.
    refetchOnWindowFocus: false,
    staleTime: Infinity,
  });
}

export function useAcceptClientInvite() {
  const setRelations = useSetRelations();
  return useMutation({
    mutationFn: (input: { code: string; scopes: readonly CounsellingScope[] }) =>
      requestJson<CounsellingRelationsResponse>("/api/counselling/accept", { method: "POST", body: { code: input.code, scopes: [...input.scopes] } }),
    onSuccess: (relations) => setRelations(relations),
  });
}

export function usePutCounsellingScopes(clientId: string) {
  const setRelations = useSetRelations();
  return useMutation({
    mutationFn: (scopes: readonly CounsellingScope[]) =>
      requestJson<CounsellingRelationsResponse>(`/api/counselling/${encodeURIComponent(clientId)}/scopes`, { method: "PUT", body: { scopes: [...scopes] } }),
    onSuccess: (relations) => setRelations(relations),
  });
}

export function useStopSharing(clientId: string) {
  const setRelations = useSetRelations();
  return useMutation({
    mutationFn: () => requestJson<null>(`/api/counselling/${encodeURIComponent(clientId)}`, { method: "DELETE" }),
    onSuccess: () => setRelations(),
  });
}

// ---- the counsellor's side ----

const practicePath = (practiceId: string) => `/api/practices/${encodeURIComponent(practiceId)}`;
const clientInvitesKey = (practiceId: string) => ["practice-client-invites", practiceId] as const;

/** The query string of a paged list's next page (decision 040): the first page names no cursor, and the server's page size is kept. */
const afterCursor = (cursor: string | null) => (cursor === null ? "" : `?cursor=${encodeURIComponent(cursor)}`);

/** My client invites in this practice still waiting to be accepted (never their codes), one page at a time. */
export const useClientInvites = (practiceId: string) =>
  useInfiniteQuery({
    queryKey: clientInvitesKey(practiceId),
    queryFn: ({ pageParam }) => requestJson<ClientInvitesResponse>(`${practicePath(practiceId)}/client-invites${afterCursor(pageParam)}`),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
  });

export function useCreateClientInvite(practiceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (kind: ClientKind) => requestJson<CreateClientInviteResponse>(`${practicePath(practiceId)}/client-invites`, { method: "POST", body: { kind } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: clientInvitesKey(practiceId) }),
  });
}

export function useCancelClientInvite(practiceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (inviteId: string) => requestJson<null>(`${practicePath(practiceId)}/client-invites/${encodeURIComponent(inviteId)}`, { method: "DELETE" }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: clientInvitesKey(practiceId) }),
  });
}

/** My clients in this practice, one page at a time (403 TWO_FACTOR_REQUIRED until two-step sign-in is on). */
export const usePracticeClients = (practiceId: string) =>
  useInfiniteQuery({
    queryKey: ["practice-clients", practiceId],
    queryFn: ({ pageParam }) => requestJson<PracticeClientsResponse>(`${practicePath(practiceId)}/clients${afterCursor(pageParam)}`),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
    retry: false,
  });
