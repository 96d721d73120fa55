// Signing up against a running server as a person does: the sign-up request, the link the server
// emailed, then signing in. With no SMTP_URL the server writes each email to <DATA_DIR>/outbox/*.eml
// (decision 004), which is where this reads it. Shared by the e2e specs, the benches, and the
// durability and multi-instance runs, so none needs a switch that turns the emailed link off.
import fs from "node:fs";
import path from "node:path";
import { readSignUpConfirmation, type SignUpConfirmation } from "../../server/src/auth/sign-up-link.js";
import { parseEmail } from "./email-message.js";

/** Every email in the outbox sent to an address, oldest first (the files are named by time). */
export function outboxMessagesTo(dataDir: string, email: string): Array<{ subject: string; text: string }> {
  const outbox = path.join(dataDir, "outbox");
  if (!fs.existsSync(outbox)) return [];
  const recipient = new RegExp(`^To: ${email.replace(/[.+*?^$()[\]{}|\\]/g, "\\$&")}$`, "mi");
  return fs
    .readdirSync(outbox)
    .sort()
    .map((file) => parseEmail(fs.readFileSync(path.join(outbox, file), "utf8")))
    .filter((message) => recipient.test(message.head))
    .map((message) => ({ subject: message.subject, text: `${message.head}\n\n${message.body}` }));
}

/** The newest sign-up link emailed to an address: its URL, token and the page it continues to. */
export function outboxSignUpLink(dataDir: string, email: string): SignUpConfirmation | null {
  const links = outboxMessagesTo(dataDir, email).map((message) => readSignUpConfirmation(message.text));
  return links.filter((link) => link !== null).at(-1) ?? null;
}

/** Waits (the server does not wait for its mailer) for the sign-up link emailed to an address. */
export async function waitForSignUpLink(dataDir: string, email: string, timeoutMs = 10_000): Promise<SignUpConfirmation> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const link = outboxSignUpLink(dataDir, email);
    if (link) return link;
    if (Date.now() > deadline) throw new Error(`no sign-up link reached the outbox in ${dataDir} within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

export type OutboxSignUp = {
  baseUrl: string;
  /** The server's DATA_DIR, whose outbox holds the link. */
  dataDir: string;
  /** Sent with both requests: an Origin of the public address; a forwarded client address where the server trusts one. */
  headers: Record<string, string>;
  details: { name: string; email: string; password: string };
};

/**
 * Signs up, then opens the emailed link with the password (the address is confirmed only with
 * it, and that signs in, decision 020), and returns the session cookie(s) as one Cookie header
 * value. Throws when a step does not answer as it should.
 */
export async function signUpByOutbox({ baseUrl, dataDir, headers, details }: OutboxSignUp): Promise<string> {
  const post = (url: string, body: unknown) =>
    fetch(`${baseUrl}${url}`, { method: "POST", headers: { ...headers, "content-type": "application/json" }, body: JSON.stringify(body) });
  const signUp = await post("/api/auth/sign-up/email", details);
  if (signUp.status !== 200) throw new Error(`sign-up failed: ${signUp.status} ${await signUp.text()}`);
  const link = await waitForSignUpLink(dataDir, details.email);
  const confirmed = await post("/api/auth/confirm-email", { token: link.token, password: details.password });
  const cookie = confirmed.headers
    .getSetCookie()
    .map((entry) => entry.split(";")[0] ?? "")
    .filter((pair) => /session_token=.+/.test(pair))
    .join("; ");
  if (confirmed.status !== 200 || cookie === "") throw new Error(`confirming the sign-up failed: ${confirmed.status} ${await confirmed.text()}`);
  return cookie;
}
