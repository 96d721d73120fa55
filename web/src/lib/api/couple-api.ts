import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type {
  CoupleReportResponse,
  CoupleStateResponse,
  CreateInviteResponse,
  InviteLookupResponse,
  PartnerCheckInsResponse,
  PartnerExercisesResponse,
  ShareScope,
} from "@mutual/core";
import { requestJson } from "../api-client";

export type {
  CoupleReportResponse,
  CoupleStateResponse,
  CreateInviteResponse,
  InviteLookupResponse,
  PartnerCheckInsResponse,
  PartnerExercisesResponse,
  ShareScope,
};

/**
 * The scopes in the order the page lists them: the contract's SHARE_SCOPES, kept here because
 * that module imports zod and the web app ships without it (couple-api.test.ts checks they match).
 */
export const SCOPES: readonly ShareScope[] = ["overview", "dimensions", "check-in-trends", "exercises"];

export const coupleQueryKey = ["couple"] as const;

/** My pending invite, my partner link with what each of us shares, and whether a link ended. */
export function useCouple() {
  return useQuery({ queryKey: coupleQueryKey, queryFn: () => requestJson<CoupleStateResponse>("/api/couple") });
}

/** Everything that depends on the link (report, partner views) is read again after a change. */
function useRefreshCouple() {
  const queryClient = useQueryClient();
  return async (state?: CoupleStateResponse) => {
    if (state) queryClient.setQueryData(coupleQueryKey, state);
    await queryClient.invalidateQueries({ queryKey: coupleQueryKey });
  };
}

/** Makes a new invite (replacing my earlier pending one). The code in the answer is shown once. */
export function useCreateInvite() {
  const refresh = useRefreshCouple();
  return useMutation({
    mutationFn: () => requestJson<CreateInviteResponse>("/api/couple/invite", { method: "POST", body: {} }),
    onSuccess: () => refresh(),
  });
}

/** Cancels my pending invite, if any. */
export function useCancelInvite() {
  const refresh = useRefreshCouple();
  return useMutation({
    mutationFn: () => requestJson<null>("/api/couple/invite", { method: "DELETE" }),
    onSuccess: () => refresh(),
  });
}

/** Who made this invite, so the invited person can check before accepting. */
export function useInviteLookup(code: string | null) {
  return useQuery({
    enabled: code !== null,
    queryKey: ["invite-lookup", code],
    queryFn: () => requestJson<InviteLookupResponse>("/api/couple/invite/lookup", { method: "POST", body: { code } }),
    // Every failed lookup counts toward the hourly limit: never repeat one on its own.
    retry: false,
    staleTime: Infinity,
    refetchOnWindowFocus: false,
  });
}

export function useAcceptInvite() {
  const refresh = useRefreshCouple();
  return useMutation({
    mutationFn: (code: string) => requestJson<CoupleStateResponse>("/api/couple/accept", { method: "POST", body: { code } }),
    onSuccess: (state) => refresh(state),
  });
}

/** Sets the whole list of what I share from now on. */
export function usePutShares() {
  const refresh = useRefreshCouple();
  return useMutation({
    mutationFn: (scopes: ShareScope[]) => requestJson<CoupleStateResponse>("/api/couple/shares", { method: "PUT", body: { scopes } }),
    onSuccess: (state) => refresh(state),
  });
}

/** Ends the link for both partners at once. */
export function useUnlink() {
  const refresh = useRefreshCouple();
  return useMutation({
    mutationFn: () => requestJson<null>("/api/couple", { method: "DELETE" }),
    onSuccess: () => refresh(),
  });
}

// Partner data is never kept once the page closes, and is read fresh each time: a revoked
// share must not linger in the cache. Every read of it writes an audit row in the owner's
// "who viewed my data", so it is not read again merely because the window regained focus (a
// revocation still applies on the server at the next read).
export const partnerDataQueryOptions = { staleTime: 0, gcTime: 0, retry: false, refetchOnWindowFocus: false } as const;
const fresh = partnerDataQueryOptions;

export function useCoupleReport() {
  return useQuery({ queryKey: ["couple", "report"], queryFn: () => requestJson<CoupleReportResponse>("/api/couple/report"), ...fresh });
}

export function usePartnerCheckIns() {
  return useQuery({
    queryKey: ["couple", "partner", "check-ins"],
    queryFn: () => requestJson<PartnerCheckInsResponse>("/api/couple/partner/check-ins"),
    ...fresh,
  });
}

export function usePartnerExercises() {
  return useQuery({
    queryKey: ["couple", "partner", "exercises"],
    queryFn: () => requestJson<PartnerExercisesResponse>("/api/couple/partner/exercises"),
    ...fresh,
  });
}
