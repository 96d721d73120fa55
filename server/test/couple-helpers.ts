// Drive the couple API the way the web app does: invite, accept, share, unlink, delete.
// Helpers whose outcome a test may want to observe (accept, shares, unlink, delete) return
// the response and never throw on a refusal; the ones that set a scene (createInvite,
// linkCouple) throw when the scene cannot be set.
import type { FastifyInstance, LightMyRequestResponse } from "fastify";
import type { CoupleStateResponse, ShareScope } from "@mutual/core";
import { sameOrigin, type TestPerson } from "./auth-helpers.js";

/** Creates (or replaces) the person's invite and returns its code as shown ("ABCDE-12345"). */
export async function createInvite(app: FastifyInstance, person: TestPerson): Promise<string> {
  const response = await app.inject({ method: "POST", url: "/api/couple/invite", headers: { ...sameOrigin, cookie: person.cookie }, payload: {} });
  if (response.statusCode !== 201) throw new Error(`invite failed: ${response.statusCode} ${response.body}`);
  return response.json<{ invite: { code: string } }>().invite.code;
}

/** POST /api/couple/accept with the code as given (not normalised here: the server does it). */
export async function acceptInvite(app: FastifyInstance, person: TestPerson, code: string): Promise<LightMyRequestResponse> {
  return app.inject({ method: "POST", url: "/api/couple/accept", headers: { ...sameOrigin, cookie: person.cookie }, payload: { code } });
}

/** POST /api/couple/invite/lookup with the code as given. */
export async function lookupInvite(app: FastifyInstance, person: TestPerson, code: string): Promise<LightMyRequestResponse> {
  return app.inject({ method: "POST", url: "/api/couple/invite/lookup", headers: { ...sameOrigin, cookie: person.cookie }, payload: { code } });
}

/** DELETE /api/couple/invite: cancels the person's pending invite (204, also when there is none). */
export async function cancelInvite(app: FastifyInstance, person: TestPerson): Promise<LightMyRequestResponse> {
  return app.inject({ method: "DELETE", url: "/api/couple/invite", headers: { origin: sameOrigin.origin, cookie: person.cookie } });
}

/** `a` invites, `b` accepts: the two are linked (throws otherwise). Shares nothing. */
export async function linkCouple(app: FastifyInstance, a: TestPerson, b: TestPerson): Promise<void> {
  const code = await createInvite(app, a);
  const response = await acceptInvite(app, b, code);
  if (response.statusCode !== 200) throw new Error(`accept failed: ${response.statusCode} ${response.body}`);
}

/** PUT /api/couple/shares: the whole set of scopes the person shares from now on. 200 or 409 NOT_LINKED. */
export async function setShares(app: FastifyInstance, person: TestPerson, scopes: readonly ShareScope[]): Promise<LightMyRequestResponse> {
  return app.inject({ method: "PUT", url: "/api/couple/shares", headers: { ...sameOrigin, cookie: person.cookie }, payload: { scopes } });
}

/** DELETE /api/couple: ends the link for both (204, also when not linked). */
export async function unlink(app: FastifyInstance, person: TestPerson): Promise<LightMyRequestResponse> {
  return app.inject({ method: "DELETE", url: "/api/couple", headers: { origin: sameOrigin.origin, cookie: person.cookie } });
}

/** Deletes the person's account (with their password, and a current code with two-step sign-in on), as the settings page does. 200 when done. */
export async function deleteAccount(app: FastifyInstance, person: TestPerson): Promise<LightMyRequestResponse> {
  // From the person's own address: Better Auth limits deletions per address.
  const payload = { password: person.password, ...(person.totp ? { code: person.totp.generate() } : {}) };
  return app.inject({ method: "POST", url: "/api/auth/delete-user", headers: { ...sameOrigin, cookie: person.cookie }, payload, remoteAddress: person.ip });
}

/** GET /api/couple as the person. */
export async function getCoupleState(app: FastifyInstance, person: TestPerson): Promise<CoupleStateResponse> {
  const response = await app.inject({ method: "GET", url: "/api/couple", headers: { cookie: person.cookie } });
  if (response.statusCode !== 200) throw new Error(`couple state failed: ${response.statusCode} ${response.body}`);
  return response.json<CoupleStateResponse>();
}
