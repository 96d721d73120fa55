import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { InvitablePracticeRole, PracticeDetailResponse, PracticesResponse } from "@mutual/core";
import { requestJson } from "../api-client";

// Counselling practices. Reads are ours (/api/practices: each role sees what it may);
// changes go through Better Auth's organization endpoints, which check roles (decision 014).

export const practicesQueryKey = ["practices"] as const;

export const usePractices = () => useQuery({ queryKey: practicesQueryKey, queryFn: () => requestJson<PracticesResponse>("/api/practices") });

export const usePractice = (practiceId: string) =>
  useQuery({
    queryKey: [...practicesQueryKey, practiceId],
    queryFn: () => requestJson<PracticeDetailResponse>(`/api/practices/${encodeURIComponent(practiceId)}`),
  });

function usePracticeMutation<Input, Output>(run: (input: Input) => Promise<Output>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: run, onSuccess: () => queryClient.invalidateQueries({ queryKey: practicesQueryKey }) });
}

const post = <Output>(path: string, body: object) => requestJson<Output>(`/api/auth/organization/${path}`, { method: "POST", body });

export const useCreatePractice = () => usePracticeMutation((name: string) => post<{ id: string }>("create", { name }));

export const useInviteColleague = (practiceId: string) =>
  usePracticeMutation((input: { email: string; role: InvitablePracticeRole }) => post("invite-member", { organizationId: practiceId, ...input }));

export const useCancelInvitation = () => usePracticeMutation((invitationId: string) => post("cancel-invitation", { invitationId }));

export const useChangeRole = (practiceId: string) =>
  usePracticeMutation((input: { memberId: string; role: InvitablePracticeRole }) => post("update-member-role", { organizationId: practiceId, ...input }));

export const useRemoveMember = (practiceId: string) =>
  usePracticeMutation((memberId: string) => post("remove-member", { organizationId: practiceId, memberIdOrEmail: memberId }));

/** An invitation as its recipient sees it before accepting. */
export type InvitationSummary = {
  id: string;
  organizationId: string;
  organizationName: string;
  role: string;
  status: string;
  expiresAt: string;
  inviterEmail?: string;
};

export const useInvitation = (invitationId: string) =>
  useQuery({
    queryKey: ["practice-invitation", invitationId],
    queryFn: () => requestJson<InvitationSummary>(`/api/auth/organization/get-invitation?id=${encodeURIComponent(invitationId)}`),
    retry: false,
  });

export const useAcceptInvitation = () =>
  usePracticeMutation((invitationId: string) => post<{ member: { organizationId: string } }>("accept-invitation", { invitationId }));

export const useDeclineInvitation = () => usePracticeMutation((invitationId: string) => post("reject-invitation", { invitationId }));
