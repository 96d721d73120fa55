import type { FastifyInstance, LightMyRequestResponse } from "fastify";
import { mailerOf, testPublicUrl } from "./build-test-app.js";
import { sessionCookieOf, signUpThroughEmail } from "./sign-up-through-email.js";

/** Headers a browser on our own origin sends with a JSON POST. */
export const sameOrigin = { origin: testPublicUrl, "content-type": "application/json" } as const;

export type TestPerson = {
  email: string;
  password: string;
  name: string;
  cookie: string;
  ip: string;
  /** Set once two-step sign-in is on (practice-helpers' enrolTwoFactor): the person's authenticator. */
  totp?: { generate(): string };
};

let counter = 0;

/** Fake, unique sign-up details. */
export function newPersonDetails(): { email: string; password: string; name: string } {
  counter += 1;
  return { email: `person${counter}.${Date.now()}@example.test`, password: `river lantern orbit ${counter} maple`, name: `Person ${counter}` };
}

/**
 * A distinct documentation-range address per person, so the per-address rate limits
 * that protect sign-up and sign-in do not make unrelated tests interfere.
 */
export function nextTestIp(): string {
  counter += 1;
  return `10.${(counter >> 16) & 255}.${(counter >> 8) & 255}.${counter & 255}`;
}

/** The session cookie pair ("name=value") from a response, or "" when none was set. */
export function sessionCookieFrom(response: LightMyRequestResponse): string {
  return sessionCookieOf(response);
}

/** A new person, signed up and signed in through the emailed link as a person would be. */
export async function signUp(app: FastifyInstance, details = newPersonDetails()): Promise<TestPerson> {
  const ip = nextTestIp();
  const cookie = await signUpThroughEmail(app, mailerOf(app).sent, details, { headers: sameOrigin, remoteAddress: ip });
  return { ...details, cookie, ip };
}

export async function signIn(
  app: FastifyInstance,
  email: string,
  password: string,
  options: { headers?: Record<string, string>; ip?: string } = {},
): Promise<LightMyRequestResponse> {
  return app.inject({
    method: "POST",
    url: "/api/auth/sign-in/email",
    headers: { ...sameOrigin, ...options.headers },
    payload: { email, password },
    remoteAddress: options.ip ?? nextTestIp(),
  });
}

export async function getMe(app: FastifyInstance, cookie: string): Promise<LightMyRequestResponse> {
  return app.inject({ method: "GET", url: "/api/me", headers: { cookie } });
}
