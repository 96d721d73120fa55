// Signing up in-process as a person does: the sign-up request, then the link the server emailed,
// opened with the password chosen (the address is confirmed only with it, decision 020). Shared by
// the server tests, the demo seed and the in-process benches, so none needs a switch that turns
// the emailed link off.
import type { FastifyInstance, LightMyRequestResponse } from "fastify";
import type { OutgoingEmail } from "../src/platform/mailer.js";
import { readSignUpConfirmation, type SignUpConfirmation } from "../src/auth/sign-up-link.js";

export type SignUpDetails = { email: string; password: string; name: string };

/** The newest sign-up link emailed to an address, or null when none was sent. */
export function signUpLinkFor(sent: readonly OutgoingEmail[], email: string): SignUpConfirmation | null {
  for (let index = sent.length - 1; index >= 0; index -= 1) {
    const message = sent[index];
    if (message?.to.toLowerCase() !== email.toLowerCase()) continue;
    const link = readSignUpConfirmation(message.text);
    if (link) return link;
  }
  return null;
}

/**
 * POSTs the sign-up (with `headers`: an Origin of the public address, and a JSON content type),
 * takes the link from the mailbox the app sends to, and confirms it with the password, which signs in. Returns the
 * session cookie ("name=value"). Throws when any step does not answer as it should.
 */
export async function signUpThroughEmail(
  app: FastifyInstance,
  sent: readonly OutgoingEmail[],
  details: SignUpDetails,
  options: { headers: Record<string, string>; remoteAddress?: string; next?: string },
): Promise<string> {
  const common = { headers: options.headers, ...(options.remoteAddress ? { remoteAddress: options.remoteAddress } : {}) };
  const payload = { ...details, ...(options.next ? { callbackURL: options.next } : {}) };
  const signUp = await app.inject({ method: "POST", url: "/api/auth/sign-up/email", ...common, payload });
  if (signUp.statusCode !== 200) throw new Error(`sign-up failed: ${signUp.statusCode} ${signUp.body}`);
  const link = signUpLinkFor(sent, details.email);
  if (!link) throw new Error("sign-up sent no confirmation link (is the address already taken?)");
  const confirmed = await confirmSignUp(app, link.token, details.password, common);
  const cookie = sessionCookieOf(confirmed);
  if (confirmed.statusCode !== 200 || !cookie) throw new Error(`confirming the sign-up failed: ${confirmed.statusCode} ${confirmed.body}`);
  return cookie;
}

/** POST /api/auth/confirm-email with a link's token and the password, as the web's /confirm-email page does. */
export function confirmSignUp(
  app: FastifyInstance,
  token: string,
  password: string,
  common: { headers: Record<string, string>; remoteAddress?: string },
): Promise<LightMyRequestResponse> {
  return app.inject({ method: "POST", url: "/api/auth/confirm-email", ...common, payload: { token, password } });
}

/** The session cookie pair ("name=value") a response set, or "" when none. */
export function sessionCookieOf(response: LightMyRequestResponse): string {
  const cookie = response.cookies.find((entry) => entry.name.endsWith("session_token") && entry.value !== "");
  return cookie ? `${cookie.name}=${cookie.value}` : "";
}
