// Better Auth's own GET /verify-email signs in whoever opens it; from outside it answers 404 (decision 020).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, type TestApp } from "../../test/build-test-app.js";
import { newPersonDetails, nextTestIp, sameOrigin, signIn } from "../../test/auth-helpers.js";
import { confirmSignUp, signUpLinkFor } from "../../test/sign-up-through-email.js";
import { dialects } from "../../test/test-databases.js";

describe.each(dialects)("[%s] Better Auth's verify-email endpoint from outside", (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp(dialect);
  });
  afterAll(async () => t.close());

  const emailVerifiedOf = async (email: string) =>
    Boolean((await t.database.db.selectFrom("user").select("emailVerified").where("email", "=", email.toLowerCase()).executeTakeFirstOrThrow()).emailVerified);

  it("answers 404 to a valid link's token in every spelling, signing nobody in and confirming nothing; the page's POST still works", async () => {
    const details = newPersonDetails();
    const signUp = await t.app.inject({ method: "POST", url: "/api/auth/sign-up/email", headers: sameOrigin, payload: details, remoteAddress: nextTestIp() });
    expect(signUp.statusCode).toBe(200);
    const token = encodeURIComponent(signUpLinkFor(t.mailer.sent, details.email)?.token ?? "");
    expect(token.length).toBeGreaterThan(10);

    // A top-level navigation from another site sends no Origin; a form post sends the other site's.
    const attempts = [
      { method: "GET", url: `/api/auth/verify-email?token=${token}` },
      { method: "GET", url: `/api/auth/verify-email?token=${token}`, headers: sameOrigin },
      { method: "GET", url: `/api/auth/verify-email/?token=${token}` },
      { method: "GET", url: `/api/auth/verify%2Demail?token=${token}` },
      { method: "GET", url: `/api/auth/VERIFY-EMAIL?token=${token}` },
      { method: "GET", url: `/api/auth/x/../verify-email?token=${token}` },
      { method: "GET", url: `/api/auth/x/%2e%2e/verify-email?token=${token}` },
      { method: "HEAD", url: `/api/auth/verify-email?token=${token}` },
      { method: "POST", url: `/api/auth/verify-email?token=${token}`, headers: { ...sameOrigin, origin: "https://evil.example" }, payload: {} },
      { method: "POST", url: `/api/auth/verify-email?token=${token}`, headers: sameOrigin, payload: { token: decodeURIComponent(token) } },
    ] as const;
    for (const attempt of attempts) {
      const response = await t.app.inject({ ...attempt, remoteAddress: nextTestIp() });
      expect(response.statusCode, `${attempt.method} ${attempt.url}`).toBe(404);
      expect(response.headers["set-cookie"], `${attempt.method} ${attempt.url}`).toBeUndefined();
      if (attempt.method !== "HEAD") expect(response.json().error.code).toBe("NOT_FOUND");
    }
    // A browser that says the navigation came from another site is refused before any route (decision 033).
    const crossSite = await t.app.inject({
      method: "GET",
      url: `/api/auth/verify-email?token=${token}&callbackURL=/`,
      headers: { "sec-fetch-site": "cross-site" },
      remoteAddress: nextTestIp(),
    });
    expect(crossSite.statusCode).toBe(403);
    expect(crossSite.headers["set-cookie"]).toBeUndefined();
    expect(await emailVerifiedOf(details.email)).toBe(false);
    expect((await signIn(t.app, details.email, details.password)).statusCode).toBe(401);

    // The web page's way, POST /api/auth/confirm-email with the password, still confirms with the same token.
    const confirmed = await confirmSignUp(t.app, decodeURIComponent(token), details.password, { headers: sameOrigin, remoteAddress: nextTestIp() });
    expect(confirmed.statusCode).toBe(200);
    expect(await emailVerifiedOf(details.email)).toBe(true);
    expect((await signIn(t.app, details.email, details.password)).statusCode).toBe(200);
  });

  it("answers exactly as an unknown API route does", async () => {
    const closed = await t.app.inject({ method: "GET", url: "/api/auth/verify-email?token=anything" });
    const unknown = await t.app.inject({ method: "GET", url: "/api/nothing-here?token=anything" });
    expect(closed.statusCode).toBe(unknown.statusCode);
    expect(closed.json()).toEqual({ error: { code: "NOT_FOUND", message: "No route for GET /api/auth/verify-email." } });
    const { date: _a, ...closedHeaders } = closed.headers;
    const { date: _b, ...unknownHeaders } = unknown.headers;
    expect({ ...closedHeaders, "content-length": undefined }).toEqual({ ...unknownHeaders, "content-length": undefined });
  });
});
