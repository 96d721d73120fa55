import { verifyJWT } from "better-auth/crypto";
import type { Auth } from "./auth.js";

// Answers that must look alike whatever the account's state, so that no answer tells whether an
// address has an account (decision 020).

/**
 * Better Auth's answer to the right password for an account whose address was never confirmed
 * (403 EMAIL_NOT_VERIFIED). It must look like a wrong password's, or whoever started a sign-up
 * with someone's address could learn by signing in whether it already had an account.
 */
export function isUnfinishedSignUp(status: number, body: unknown): boolean {
  return status === 403 && typeof body === "object" && body !== null && (body as { code?: unknown }).code === "EMAIL_NOT_VERIFIED";
}

/** Better Auth's answer to a wrong password or an unknown address, which an unfinished sign-up gets too. */
export const wrongPasswordAnswer = { status: 401, body: { message: "Invalid email or password", code: "INVALID_EMAIL_OR_PASSWORD" } } as const;

/** Sign-up's one answer, for a new address and a taken one alike (decision 020). */
export const signUpAnswer = { status: true, message: "Check your email: it holds a link to finish." } as const;

/**
 * The address a sign-up link's token stands for when the token is not valid: no account can have it
 * (the .invalid domain receives no mail, RFC 2606). Checking the password against it is a sign-in
 * to an unknown address: one scrypt hash, like a wrong password's one verification, and counted
 * by the sign-in throttle and rate limit like any sign-in from that client (decision 033).
 */
export const noAccountAddress = "no-account@confirm-email.invalid";

/**
 * The address a sign-up link's token is for, read as Better Auth's verify-email reads it (its
 * signature and expiry), without using it up; null for a token that is not valid or that changes
 * an address rather than confirming a sign-up.
 */
export async function addressOfSignUpToken(auth: Auth, token: string): Promise<string | null> {
  const claims = await verifyJWT<{ email?: unknown; updateTo?: unknown }>(token, (await auth.$context).secret);
  return claims && typeof claims.email === "string" && claims.updateTo === undefined ? claims.email : null;
}
