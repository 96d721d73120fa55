import { AsyncLocalStorage } from "node:async_hooks";
import { hashPassword, verifyPassword } from "better-auth/crypto";
import { inPasswordQueue } from "./password-queue.js";

// What one request to Better Auth carries beside its body, in async-local stores: whether it is a
// confirmation by the emailed link (decision 020), and whether a sign-up's email in it failed
// (decision 027). And the count of password work, which tests compare across answers.

/**
 * How many password hashes and verifications (each a deliberately slow scrypt) the server
 * has run: the work that sets a request's duration. A wrong password and an unknown email
 * must cost the same, so that timing cannot tell whether an account exists (decision 020).
 */
export const passwordWork = { hashes: 0, verifications: 0 };

/**
 * A request to POST /api/auth/confirm-email (decision 020): it checks the password by an
 * in-process sign-in, and after confirming the address signs in with it once more. The
 * second check reuses the first one's verdict, so the request runs one scrypt verification,
 * as a sign-in does; and the first sign-in emails no fresh link, as it would outside.
 */
type Confirmation = { checked?: { hash: string; password: string; ok: boolean } };
const confirmation = new AsyncLocalStorage<Confirmation>();

/** Runs `work` as one confirmation request (see `Confirmation`). */
export function runAsConfirmation<T>(work: () => Promise<T>): Promise<T> {
  return confirmation.run({}, work);
}

/** True inside a confirmation request. */
export function isConfirming(): boolean {
  return confirmation.getStore() !== undefined;
}

/** True inside a confirmation request whose password was already found right. */
export function isConfirmedSecondSignIn(): boolean {
  return confirmation.getStore()?.checked?.ok === true;
}

/** Better Auth's password hashing, counted, in its turn (decision 041). */
export async function hashPasswordCounted(password: string): Promise<string> {
  passwordWork.hashes += 1;
  return inPasswordQueue(() => hashPassword(password));
}

/** Better Auth's password check, counted, in its turn (decision 041); a confirmation's second check reuses the first one's verdict. */
export async function verifyPasswordOnce(data: { hash: string; password: string }): Promise<boolean> {
  const current = confirmation.getStore();
  const checked = current?.checked;
  if (checked && checked.hash === data.hash && checked.password === data.password) return checked.ok;
  passwordWork.verifications += 1;
  const ok = await inPasswordQueue(() => verifyPassword(data));
  if (current) current.checked = { hash: data.hash, password: data.password, ok };
  return ok;
}

/**
 * Whether a sign-up's email reached the mail transport. Sign-up answers "check your email", so
 * that answer must not be given when the email could not be written or sent (a full disk, a mail
 * server that refuses): auth.routes.ts answers 503 instead (decision 027).
 */
const signUpEmail = new AsyncLocalStorage<{ failed: boolean }>();

/** Runs `work` (one request to Better Auth) and tells whether a sign-up email in it failed. */
export async function runWatchingSignUpEmail<T>(work: () => Promise<T>): Promise<{ result: T; emailFailed: boolean }> {
  const outcome = { failed: false };
  const result = await signUpEmail.run(outcome, work);
  return { result, emailFailed: outcome.failed };
}

/** Marks the request's sign-up email as not sent. */
export function markSignUpEmailFailed(): void {
  const outcome = signUpEmail.getStore();
  if (outcome) outcome.failed = true;
}
