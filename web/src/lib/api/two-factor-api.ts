import { useMutation, useQueryClient } from "@tanstack/react-query";
import { requestJson } from "../api-client";

// Two-step sign-in, served by Better Auth under /api/auth/two-factor. Every call that turns
// it on or off, or finishes a sign-in, refreshes who is signed in ("me") and the sessions.

export type Enrolment = { totpURI: string; backupCodes: string[] };

/** What sign-in answers when the password was right and a code is still needed. */
export type TwoFactorChallenge = { twoFactorRedirect: true; twoFactorMethods?: string[] };

export function isTwoFactorChallenge(answer: unknown): answer is TwoFactorChallenge {
  return typeof answer === "object" && answer !== null && (answer as { twoFactorRedirect?: unknown }).twoFactorRedirect === true;
}

function useRefreshingMutation<Input, Output>(run: (input: Input) => Promise<Output>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: run,
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ["me"] });
      await queryClient.invalidateQueries({ queryKey: ["sessions"] });
      await queryClient.invalidateQueries({ queryKey: ["practices"] });
    },
  });
}

/** Step 1 of enrolment: the password gives a new secret (as an otpauth URI) and backup codes. */
export const useStartEnrolment = () =>
  useMutation({ mutationFn: (password: string) => requestJson<Enrolment>("/api/auth/two-factor/enable", { method: "POST", body: { password } }) });

/** Step 2 of enrolment, and the second step of a sign-in: a code from the authenticator app. */
export const useVerifyCode = () =>
  useRefreshingMutation((code: string) => requestJson("/api/auth/two-factor/verify-totp", { method: "POST", body: { code, trustDevice: false } }));

/** The second step of a sign-in with a backup code (each works once). */
export const useVerifyBackupCode = () =>
  useRefreshingMutation((code: string) => requestJson("/api/auth/two-factor/verify-backup-code", { method: "POST", body: { code, trustDevice: false } }));

export const useDisableTwoFactor = () =>
  useRefreshingMutation((password: string) => requestJson("/api/auth/two-factor/disable", { method: "POST", body: { password } }));
