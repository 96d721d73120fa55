import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { requestJson } from "../api-client";
import { turnPushOffHere } from "../push-device";
import { fetchMe, type Me } from "../session";

// The account operations the web app uses. Better Auth serves them under /api/auth;
// /api/me is ours. Every mutation that changes who is signed in refreshes "me".

export const meQueryKey = ["me"] as const;

export { fetchMe, type Me };

/** The signed-in person, or null when nobody is signed in. */
export function useMe() {
  return useQuery({
    queryKey: meQueryKey,
    queryFn: fetchMe,
    staleTime: 60_000,
    retry: false,
  });
}

export type SessionSummary = { id: string; token: string; userAgent: string | null; createdAt: string };

export function useSessions() {
  return useQuery({
    queryKey: ["sessions"],
    queryFn: async () => {
      const [sessions, current] = await Promise.all([
        requestJson<SessionSummary[]>("/api/auth/list-sessions"),
        requestJson<{ session: { token: string } } | null>("/api/auth/get-session"),
      ]);
      return { sessions, currentToken: current?.session.token ?? null };
    },
  });
}

function useAccountMutation<Input>(run: (input: Input) => Promise<unknown>, options: { resetsIdentity?: boolean } = {}) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: run,
    // Who is signed in now is asked before the caller goes on (mutate's own onSuccess runs after
    // this one): otherwise the next page reads the old answer, or the "nobody" set below, and a
    // page that needs a signed-in person sends them through the sign-in page first.
    onSuccess: async () => {
      if (options.resetsIdentity) {
        queryClient.removeQueries();
        // Nobody, until the server says otherwise; and nobody if it cannot be asked.
        queryClient.setQueryData(meQueryKey, null);
        await queryClient.fetchQuery({ queryKey: meQueryKey, queryFn: fetchMe, staleTime: 0 }).catch(() => undefined);
      } else {
        await queryClient.invalidateQueries({ queryKey: meQueryKey, refetchType: "all" });
      }
      await queryClient.invalidateQueries({ queryKey: ["sessions"] });
    },
  });
}

/**
 * Starts a sign-up. The server answers alike whether or not the address has an account, and
 * signs nobody in (decision 020): the emailed link confirms it, and after signing in the person
 * goes on to `next`.
 */
export const useSignUp = () =>
  useMutation({
    mutationFn: (input: { name: string; email: string; password: string; next: string }) => {
      const { next, ...details } = input;
      return requestJson("/api/auth/sign-up/email", { method: "POST", body: { ...details, callbackURL: next } });
    },
  });

/** Sends the sign-up link again; answered alike for any address. */
export const useResendSignUpLink = () =>
  useMutation({
    mutationFn: (input: { email: string; next: string }) =>
      requestJson("/api/auth/send-verification-email", { method: "POST", body: { email: input.email, callbackURL: input.next } }),
  });

/**
 * Finishes a sign-up: the emailed token with the password chosen (decision 020). The address is
 * confirmed only when both are right, and that signs in (or asks for the second step's code).
 * What this browser knew about whoever was signed in before is dropped.
 */
export const useConfirmEmail = () =>
  useAccountMutation((input: { token: string; password: string }) => requestJson("/api/auth/confirm-email", { method: "POST", body: input }), {
    resetsIdentity: true,
  });

export const useSignIn = () =>
  useAccountMutation((input: { email: string; password: string }) => requestJson("/api/auth/sign-in/email", { method: "POST", body: input }));

/** Signs out; a check-in kept on this device for sending later goes too (decision 049), whether or not the server answered. */
export const useSignOut = () =>
  useAccountMutation(
    () =>
      // This device stops getting the person's push reminders first, while the session stands (decision 060).
      turnPushOffHere()
        .then(() => requestJson("/api/auth/sign-out", { method: "POST", body: {} }))
        .finally(() => {
          // The whole store goes (features/check-in/offline): nothing else is kept there.
          try {
            window.indexedDB?.deleteDatabase("mutual-offline");
          } catch {
            // No IndexedDB: nothing was kept.
          }
        }),
    { resetsIdentity: true },
  );

export const useChangePassword = () =>
  useAccountMutation((input: { currentPassword: string; newPassword: string }) =>
    requestJson("/api/auth/change-password", { method: "POST", body: { ...input, revokeOtherSessions: true } }),
  );

export const useRevokeSession = () => useAccountMutation((token: string) => requestJson("/api/auth/revoke-session", { method: "POST", body: { token } }));

export const useRevokeOtherSessions = () => useAccountMutation(() => requestJson("/api/auth/revoke-other-sessions", { method: "POST", body: {} }));

export const useDeleteAccount = () =>
  useAccountMutation((input: { password: string; code?: string }) => requestJson("/api/auth/delete-user", { method: "POST", body: input }), {
    resetsIdentity: true,
  });

/**
 * Asks for a password reset link. The server answers alike for any address (decision 020),
 * so success says nothing about whether an account exists.
 */
export const useRequestPasswordReset = () =>
  useMutation({ mutationFn: (email: string) => requestJson("/api/auth/request-password-reset", { method: "POST", body: { email } }) });

/** Sets a new password with the emailed token; the server ends every session, this browser's too. */
export const useResetPassword = () =>
  useAccountMutation((input: { token: string; newPassword: string }) => requestJson("/api/auth/reset-password", { method: "POST", body: input }), {
    resetsIdentity: true,
  });

export const useResendVerification = () =>
  useAccountMutation((email: string) => requestJson("/api/auth/send-verification-email", { method: "POST", body: { email, callbackURL: "/account" } }));
