import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { buildTestApp, type TestApp } from "../../test/build-test-app.js";
import { getMe, newPersonDetails, nextTestIp, sameOrigin, signIn, signUp } from "../../test/auth-helpers.js";
import { signUpLinkFor } from "../../test/sign-up-through-email.js";
import { dialects } from "../../test/test-databases.js";

describe.each(dialects)("[%s] HTTP behaviour", (dialect) => {
  let t: TestApp;
  let webDir: string;
  beforeAll(async () => {
    webDir = fs.mkdtempSync(path.join(os.tmpdir(), "mutual-web-"));
    fs.mkdirSync(path.join(webDir, "assets"));
    fs.writeFileSync(path.join(webDir, "index.html"), '<meta name="mutual:quick-exit" content="__MUTUAL_QUICK_EXIT_URL__"><div id="root"></div>');
    fs.writeFileSync(path.join(webDir, "assets", "app-abc123.js"), "console.log('app')");
    t = await buildTestApp(dialect, { webDistDir: webDir, env: { QUICK_EXIT_URL: 'https://weather.example/?q=today&x="1"' } });
  });
  afterAll(async () => {
    await t.close();
    fs.rmSync(webDir, { recursive: true, force: true });
  });

  it("answers an unknown API route with a JSON 404", async () => {
    const response = await t.app.inject({ method: "GET", url: "/api/nothing-here" });
    expect(response.statusCode).toBe(404);
    expect(response.json()).toEqual({ error: { code: "NOT_FOUND", message: "No route for GET /api/nothing-here." } });
  });

  it("serves the app page for client-side routes, with the operator's quick-exit address escaped", async () => {
    const response = await t.app.inject({ method: "GET", url: "/account", headers: { accept: "text/html" } });
    expect(response.statusCode).toBe(200);
    expect(response.headers["content-type"]).toMatch(/text\/html/);
    expect(response.body).toContain('content="https://weather.example/?q=today&amp;x=&quot;1&quot;"');
  });

  it("serves hashed assets with long caching", async () => {
    const response = await t.app.inject({ method: "GET", url: "/assets/app-abc123.js" });
    expect(response.statusCode).toBe(200);
    expect(response.headers["cache-control"]).toContain("immutable");
  });

  it("never caches API responses and sends the security headers", async () => {
    const person = await signUp(t.app);
    const response = await getMe(t.app, person.cookie);
    expect(response.headers["cache-control"]).toBe("no-store");
    const csp = String(response.headers["content-security-policy"]);
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain("unsafe-inline");
    expect(response.headers["x-content-type-options"]).toBe("nosniff");
    expect(response.headers["referrer-policy"]).toBe("no-referrer");
    expect(response.headers["x-frame-options"]).toBe("DENY");
  });

  it("rejects malformed JSON with a 400 that explains, and no internals", async () => {
    const response = await t.app.inject({
      method: "POST",
      url: "/api/auth/sign-in/email",
      headers: { "content-type": "application/json", origin: "http://localhost:3000" },
      payload: '{"email": "oops",',
    });
    expect(response.statusCode).toBe(400);
    expect(response.body).not.toMatch(/at .*\.(js|ts):\d+/);
  });

  it("rejects a body that is not JSON with 415", async () => {
    const response = await t.app.inject({
      method: "POST",
      url: "/api/auth/sign-in/email",
      headers: { "content-type": "text/plain", origin: "http://localhost:3000" },
      payload: "email=a@b.c&password=x",
    });
    expect(response.statusCode).toBe(415);
    expect(response.json().error.code).toBe("UNSUPPORTED_MEDIA_TYPE");
  });

  it("rejects an oversized body with 413", async () => {
    const response = await t.app.inject({
      method: "POST",
      url: "/api/auth/sign-in/email",
      headers: { "content-type": "application/json", origin: "http://localhost:3000" },
      payload: JSON.stringify({ email: "a@b.co", password: "x".repeat(100_000) }),
    });
    expect(response.statusCode).toBe(413);
  });

  it("ignores a client-supplied request id", async () => {
    const response = await t.app.inject({ method: "GET", url: "/livez", headers: { "request-id": "forged" } });
    expect(response.statusCode).toBe(200);
    expect(t.logLines.join("\n")).not.toContain("forged");
  });

  it("keeps passwords, email addresses, cookies and tokens out of the logs", async () => {
    const person = await signUp(t.app);
    await signIn(t.app, person.email, "a wrong password for the log test");
    const signedIn = await signIn(t.app, person.email, person.password);
    // signUp followed the emailed link (its token posted to /api/auth/confirm-email); Better
    // Auth's own GET form, with the token in the query string, is tried here too: closed (404).
    const token = signUpLinkFor(t.mailer.sent, person.email)?.token ?? "";
    const getForm = await t.app.inject({ method: "GET", url: `/api/auth/verify-email?token=${encodeURIComponent(token)}` });
    expect(getForm.statusCode).toBe(404);
    const logs = t.logLines.join("\n");
    expect(logs.length).toBeGreaterThan(0);
    expect(logs).not.toContain(person.email);
    expect(logs).not.toContain(person.password);
    expect(logs).not.toContain("a wrong password for the log test");
    expect(token.length).toBeGreaterThan(10);
    expect(logs).not.toContain(token);
    const cookieValue = signedIn.cookies[0]?.value ?? "";
    expect(cookieValue.length).toBeGreaterThan(10);
    expect(logs).not.toContain(cookieValue.split(".")[0]);
  });
});

describe.each(dialects)("[%s] central error handler", (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    // Test-only routes, to exercise the central error handler.
    t = await buildTestApp(dialect, {
      extraRoutes(app) {
        const typed = app.withTypeProvider<ZodTypeProvider>();
        typed.post(
          "/api/test/echo",
          {
            config: { access: "public" },
            schema: { body: z.object({ weeks: z.number().int().min(1), label: z.string().max(5) }) },
          },
          async (request) => request.body,
        );
        typed.get("/api/test/boom", { config: { access: "public" } }, async () => {
          throw new Error("secret internal detail at /srv/db.ts:42");
        });
        typed.post("/api/test/count", { config: { access: "public" } }, async () => ({ calls: (handlerCalls += 1) }));
      },
    });
  });
  afterAll(async () => t.close());
  let handlerCalls = 0;

  it("answers a validation error with 400 and a message per bad field", async () => {
    const response = await t.app.inject({ method: "POST", url: "/api/test/echo", headers: sameOrigin, payload: { weeks: 0, label: "too long" } });
    expect(response.statusCode).toBe(400);
    const body = response.json();
    expect(body.error.code).toBe("VALIDATION_FAILED");
    const paths = body.error.fields.map((field: { path: string }) => field.path).sort();
    expect(paths).toEqual(["body.label", "body.weeks"]);
    for (const field of body.error.fields) expect(field.message.length).toBeGreaterThan(3);
  });

  it("refuses a state-changing request from another site or with no origin, before any handler runs", async () => {
    const valid = { weeks: 2, label: "ok" };
    const fromElsewhere = await t.app.inject({
      method: "POST",
      url: "/api/test/echo",
      headers: { ...sameOrigin, origin: "https://evil.example" },
      payload: valid,
    });
    expect(fromElsewhere.statusCode).toBe(403);
    expect(fromElsewhere.json().error.code).toBe("FORBIDDEN_ORIGIN");
    const sibling = await t.app.inject({
      method: "POST",
      url: "/api/test/echo",
      headers: { ...sameOrigin, origin: "http://other.localhost:3000" },
      payload: valid,
    });
    expect(sibling.statusCode).toBe(403);
    const noOrigin = await t.app.inject({ method: "POST", url: "/api/test/echo", headers: { "content-type": "application/json" }, payload: valid });
    expect(noOrigin.statusCode).toBe(403);
    const fetchMetadata = await t.app.inject({
      method: "POST",
      url: "/api/test/echo",
      headers: { "content-type": "application/json", "sec-fetch-site": "same-origin" },
      payload: valid,
    });
    expect(fetchMetadata.statusCode).toBe(200);
    const ours = await t.app.inject({ method: "POST", url: "/api/test/echo", headers: sameOrigin, payload: valid });
    expect(ours.statusCode).toBe(200);
    expect(ours.json()).toEqual(valid);
  });

  it("refuses a cross-site post however its path is spelled (trailing slash, percent escapes), before the handler runs", async () => {
    const spellings = ["/api/test/count", "/api/test/count/", "/api/test/c%6Funt", "/api/test/c%6funt/", "/%61pi/test/count", "/%61%70%69/%74est/count"];
    for (const url of spellings) {
      const fromElsewhere = await t.app.inject({ method: "POST", url, headers: { ...sameOrigin, origin: "https://evil.example" }, payload: {} });
      expect(fromElsewhere.statusCode, url).toBe(403);
      expect(fromElsewhere.json().error.code, url).toBe("FORBIDDEN_ORIGIN");
      const noOrigin = await t.app.inject({ method: "POST", url, headers: { "content-type": "application/json", "sec-fetch-site": "same-site" }, payload: {} });
      expect(noOrigin.statusCode, url).toBe(403);
    }
    expect(handlerCalls).toBe(0);
    // The same spellings from our own pages reach the route, so the refusals above are the check's.
    for (const url of spellings) expect((await t.app.inject({ method: "POST", url, headers: sameOrigin, payload: {} })).statusCode, url).toBe(200);
    expect(handlerCalls).toBe(spellings.length);
  });

  it("refuses a cross-site confirmation of a sign-up link however the path is spelled, confirming nothing and signing nobody in", async () => {
    const details = newPersonDetails();
    const started = await t.app.inject({ method: "POST", url: "/api/auth/sign-up/email", headers: sameOrigin, payload: details, remoteAddress: nextTestIp() });
    expect(started.statusCode).toBe(200);
    const token = signUpLinkFor(t.mailer.sent, details.email)?.token ?? "";
    const emailVerified = async () =>
      Boolean(
        (await t.database.db.selectFrom("user").select("emailVerified").where("email", "=", details.email.toLowerCase()).executeTakeFirstOrThrow())
          .emailVerified,
      );
    for (const url of [
      "/api/auth/confirm-email",
      "/api/auth/confirm-email/",
      "/api/auth/confirm%2Demail",
      "/api/auth/confirm%2demail/",
      "/%61pi/auth/confirm-email",
    ]) {
      const response = await t.app.inject({
        method: "POST",
        url,
        headers: { ...sameOrigin, origin: "https://evil.example" },
        payload: { token, password: details.password },
        remoteAddress: nextTestIp(),
      });
      expect(response.statusCode, url).toBe(403);
      expect(response.headers["set-cookie"], url).toBeUndefined();
    }
    expect(await emailVerified()).toBe(false);
    expect((await signIn(t.app, details.email, details.password)).statusCode).toBe(401);
    const ours = await t.app.inject({
      method: "POST",
      url: "/api/auth/confirm%2Demail/",
      headers: sameOrigin,
      payload: { token, password: details.password },
      remoteAddress: nextTestIp(),
    });
    expect(ours.statusCode).toBe(200);
    expect(await emailVerified()).toBe(true);
  });

  it("answers a post to no route with a 404 from any site, changing nothing", async () => {
    for (const headers of [sameOrigin, { ...sameOrigin, origin: "https://evil.example" }]) {
      const response = await t.app.inject({ method: "POST", url: "/api/test/nothing-here", headers, payload: {} });
      expect(response.statusCode).toBe(404);
      expect(response.json().error.code).toBe("NOT_FOUND");
    }
  });

  it("turns an unexpected failure into a bare 500 that leaks nothing", async () => {
    const response = await t.app.inject({ method: "GET", url: "/api/test/boom" });
    expect(response.statusCode).toBe(500);
    expect(response.body).not.toContain("secret internal detail");
    expect(response.body).not.toContain("db.ts");
    expect(response.json().error).toMatchObject({ code: "INTERNAL", requestId: expect.any(String) });
  });
});
