import type { FastifyInstance, LightMyRequestResponse } from "fastify";
import * as OTPAuth from "otpauth";
import { nextTestIp, sameOrigin, sessionCookieFrom, type TestPerson } from "./auth-helpers.js";

/** A POST to Better Auth (or our API) as this person, from their own address. */
export function postAs(app: FastifyInstance, person: Pick<TestPerson, "cookie" | "ip">, url: string, payload: object = {}): Promise<LightMyRequestResponse> {
  return app.inject({ method: "POST", url, headers: { ...sameOrigin, cookie: person.cookie }, payload, remoteAddress: person.ip });
}

export function getAs(app: FastifyInstance, person: Pick<TestPerson, "cookie">, url: string): Promise<LightMyRequestResponse> {
  return app.inject({ method: "GET", url, headers: { cookie: person.cookie } });
}

/** Creates a practice through Better Auth's organization endpoint; the creator becomes its owner. */
export async function createPractice(app: FastifyInstance, person: TestPerson, name = "Riverside Counselling"): Promise<string> {
  const response = await postAs(app, person, "/api/auth/organization/create", { name });
  if (response.statusCode !== 200) throw new Error(`create practice failed: ${response.statusCode} ${response.body}`);
  return (response.json() as { id: string }).id;
}

export async function invite(app: FastifyInstance, inviter: TestPerson, practiceId: string, email: string, role: string): Promise<LightMyRequestResponse> {
  return postAs(app, inviter, "/api/auth/organization/invite-member", { organizationId: practiceId, email, role });
}

/** Invites and accepts: the invitee becomes a member with that role. */
export async function joinPractice(
  app: FastifyInstance,
  inviter: TestPerson,
  invitee: TestPerson,
  practiceId: string,
  role: "admin" | "counsellor",
): Promise<void> {
  const invited = await invite(app, inviter, practiceId, invitee.email, role);
  if (invited.statusCode !== 200) throw new Error(`invite failed: ${invited.statusCode} ${invited.body}`);
  const accepted = await postAs(app, invitee, "/api/auth/organization/accept-invitation", { invitationId: (invited.json() as { id: string }).id });
  if (accepted.statusCode !== 200) throw new Error(`accept failed: ${accepted.statusCode} ${accepted.body}`);
}

export type Enrolled = { totp: OTPAuth.TOTP; backupCodes: string[]; totpURI: string };

/**
 * Turns two-step sign-in on: enable with the password, then confirm with a code from the
 * authenticator. Confirming replaces the session, so the person's cookie is updated.
 */
export async function enrolTwoFactor(app: FastifyInstance, person: TestPerson): Promise<Enrolled> {
  const enabled = await postAs(app, person, "/api/auth/two-factor/enable", { password: person.password });
  if (enabled.statusCode !== 200) throw new Error(`enable failed: ${enabled.statusCode} ${enabled.body}`);
  const { totpURI, backupCodes } = enabled.json() as { totpURI: string; backupCodes: string[] };
  const totp = OTPAuth.URI.parse(totpURI) as OTPAuth.TOTP;
  const confirmed = await postAs(app, person, "/api/auth/two-factor/verify-totp", { code: totp.generate() });
  if (confirmed.statusCode !== 200) throw new Error(`confirm failed: ${confirmed.statusCode} ${confirmed.body}`);
  person.cookie = sessionCookieFrom(confirmed) || person.cookie;
  person.totp = totp;
  return { totp, backupCodes, totpURI };
}

/** The cookie Better Auth sets between the password and the second step ("name=value"). */
export function twoFactorCookieFrom(response: LightMyRequestResponse): string {
  const cookie = response.cookies.find((entry) => entry.name.endsWith("two_factor") && entry.value !== "");
  return cookie ? `${cookie.name}=${cookie.value}` : "";
}

/** Signs in with the password; with two-step sign-in on, answers twoFactorRedirect and sets the step cookie. */
export function signInFrom(app: FastifyInstance, person: Pick<TestPerson, "email" | "password">, ip = nextTestIp()): Promise<LightMyRequestResponse> {
  return app.inject({
    method: "POST",
    url: "/api/auth/sign-in/email",
    headers: sameOrigin,
    payload: { email: person.email, password: person.password },
    remoteAddress: ip,
  });
}
