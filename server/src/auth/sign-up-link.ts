// The link that finishes sign-up (decision 020). It opens the web's /confirm-email page with
// the token, the page to continue to and the address in the fragment, which browsers never
// send: none of them reaches any server's or proxy's access log. The page asks for the password
// chosen and posts both to POST /api/auth/confirm-email, which confirms only with the right one.
import { emailSubjects } from "./emails.js";

/** A link that finishes sign-up works for a day: people do not always read their mail at once. */
export const confirmLinkSeconds = 24 * 60 * 60;

/**
 * An account whose sign-up was never finished (no link opened, no password reset) is deleted by
 * the retention sweep a week after its newest link was sent: its name, address and password hash
 * are kept no longer than someone coming back to a stale link needs. A week is seven link
 * lifetimes; after it, signing up again starts afresh (docs/privacy.md, Retention).
 */
export const unfinishedSignUpKeepMs = 7 * confirmLinkSeconds * 1000;

/** The web page the emailed link opens. */
export const confirmEmailPagePath = "/confirm-email";

/** Only same-site paths may follow sign-up, so a crafted request cannot send people elsewhere. */
export function safeNextPath(next: string | null | undefined): string {
  return typeof next === "string" && next.startsWith("/") && !next.startsWith("//") && !next.startsWith("/\\") && !/[\s\\]/.test(next) ? next : "/";
}

/**
 * The emailed link: /confirm-email#token=…&next=…&email=… on the public address. The address
 * only fills in the sign-in form that follows the confirmation; the token alone confirms.
 */
export function signUpConfirmationUrl(publicUrl: string, token: string, next: string | null | undefined, email?: string): string {
  const fragment = new URLSearchParams({ token, next: safeNextPath(next), ...(email ? { email } : {}) }).toString();
  return `${new URL(confirmEmailPagePath, publicUrl).toString()}#${fragment}`;
}

export type SignUpConfirmation = { url: string; token: string; next: string; email: string | null };

/** The token, next path and address of the confirmation link in an email's text, or null when it has none. */
export function readSignUpConfirmation(text: string): SignUpConfirmation | null {
  const url = /(https?:\/\/\S+\/confirm-email#\S+)/.exec(text)?.[1];
  if (!url) return null;
  const fragment = new URLSearchParams(url.slice(url.indexOf("#") + 1));
  const token = fragment.get("token");
  return token ? { url, token, next: safeNextPath(fragment.get("next")), email: fragment.get("email") } : null;
}

/** Subjects of the two emails a sign-up sends: one to a new address, one to an existing account. */
export const signUpEmailSubjects = { confirm: emailSubjects.confirm, existingAccount: emailSubjects.existingAccount } as const;
