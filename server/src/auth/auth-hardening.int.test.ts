import { createHash } from "node:crypto";
import type { LightMyRequestResponse } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, withStalledMailServer, type TestApp } from "../../test/build-test-app.js";
import { getMe, newPersonDetails, nextTestIp, sameOrigin, sessionCookieFrom, signIn, signUp, type TestPerson } from "../../test/auth-helpers.js";
import { enrolTwoFactor } from "../../test/practice-helpers.js";
import { confirmSignUp, signUpLinkFor } from "../../test/sign-up-through-email.js";
import { dialects } from "../../test/test-databases.js";
import { passwordWork } from "./confirmation.js";
import { emailSubjects } from "../platform/email-templates.js";

// OWASP ASVS 5.0 level 2, authentication and session management (v5.0.0-6.1.1, 6.3.1, 6.3.8,
// 7.4.2, 7.4.3, 3.3.1, 3.3.2, 3.3.4, 3.5.1). Throttling per account is in auth.int.test.ts;
// this file adds what it leaves out.

/** Better Auth's per-address limit on sign-in attempts, any account (auth.ts customRules). */
const signInsPerMinutePerAddress = 10;

async function signUpMany(t: TestApp, count: number): Promise<TestPerson[]> {
  const people: TestPerson[] = [];
  for (let index = 0; index < count; index += 1) people.push(await signUp(t.app));
  return people;
}

/** What tells one answer from another: status, body and the headers that vary by outcome. */
function observable(response: LightMyRequestResponse) {
  const { date: _date, ...headers } = response.headers;
  return { status: response.statusCode, body: response.body, headers };
}

describe.each(dialects)("[%s] brute force, direct connections (no trusted proxy header)", (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp(dialect);
  });
  afterAll(async () => t.close());

  it("throttles one address guessing one account, whatever forwarding header it forges, and the real person still gets in", async () => {
    const person = await signUp(t.app);
    const attacker = nextTestIp();
    for (let attempt = 0; attempt < 5; attempt += 1) {
      const forged = { "x-forwarded-for": `198.51.100.${attempt + 1}` };
      expect((await signIn(t.app, person.email, `wrong guess ${attempt}`, { ip: attacker, headers: forged })).statusCode).toBe(401);
    }
    const blocked = await signIn(t.app, person.email, person.password, { ip: attacker, headers: { "x-forwarded-for": "198.51.100.99" } });
    expect(blocked.statusCode).toBe(429);
    expect(sessionCookieFrom(blocked)).toBe("");
    const fromHome = await signIn(t.app, person.email, person.password, { ip: nextTestIp() });
    expect(fromHome.statusCode).toBe(200);
    expect((await getMe(t.app, sessionCookieFrom(fromHome))).statusCode).toBe(200);
  });

  it("throttles one address trying many accounts, and each account's owner still gets in from elsewhere", async () => {
    const people = await signUpMany(t, signInsPerMinutePerAddress + 1);
    const attacker = nextTestIp();
    for (const [index, person] of people.slice(0, signInsPerMinutePerAddress).entries()) {
      const forged = { "x-forwarded-for": `203.0.113.${index + 1}` };
      expect((await signIn(t.app, person.email, "a stuffed password from a leak", { ip: attacker, headers: forged })).statusCode).toBe(401);
    }
    const last = people.at(-1) as TestPerson;
    // Even the right password is refused from that address now: the address is throttled, not the guess.
    const blocked = await signIn(t.app, last.email, last.password, { ip: attacker, headers: { "x-forwarded-for": "203.0.113.250" } });
    expect(blocked.statusCode).toBe(429);
    expect(sessionCookieFrom(blocked)).toBe("");
    for (const person of [people[0] as TestPerson, last]) {
      expect((await signIn(t.app, person.email, person.password, { ip: nextTestIp() })).statusCode).toBe(200);
    }
  });
});

describe.each(dialects)("[%s] brute force behind the operator's proxy (CLIENT_IP_HEADER)", (dialect) => {
  let t: TestApp;
  const proxy = "127.0.0.1";
  beforeAll(async () => {
    t = await buildTestApp(dialect, { env: { CLIENT_IP_HEADER: "x-forwarded-for" } });
  });
  afterAll(async () => t.close());

  it("throttles the address the proxy reports trying many accounts, not everyone behind the same proxy", async () => {
    const people = await signUpMany(t, signInsPerMinutePerAddress + 1);
    const viaProxy = (clientIp: string) => ({ ip: proxy, headers: { "x-forwarded-for": clientIp } });
    for (const [index, person] of people.slice(0, signInsPerMinutePerAddress).entries()) {
      // The first entry is the client's to forge; the proxy appended the last.
      const response = await signIn(t.app, person.email, "a stuffed password from a leak", {
        ip: proxy,
        headers: { "x-forwarded-for": `10.66.0.${index}, 203.0.113.66` },
      });
      expect(response.statusCode).toBe(401);
    }
    const last = people.at(-1) as TestPerson;
    expect((await signIn(t.app, last.email, last.password, viaProxy("203.0.113.66"))).statusCode).toBe(429);
    // Every request reaches the app from the proxy's socket; another client behind it is not throttled.
    expect((await signIn(t.app, last.email, last.password, viaProxy("198.51.100.66"))).statusCode).toBe(200);
  });
});

describe.each(dialects)("[%s] no account enumeration", (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp(dialect);
  });
  afterAll(async () => t.close());

  it("answers a wrong password and an unknown email alike, after the same password work", async () => {
    const person = await signUp(t.app);
    const attempt = async (email: string) => {
      const before = passwordWork.hashes + passwordWork.verifications;
      const response = await signIn(t.app, email, "a wrong password, long enough");
      return { response, work: passwordWork.hashes + passwordWork.verifications - before };
    };
    const wrong = await attempt(person.email);
    const unknown = await attempt(`nobody.${Date.now()}@example.test`);
    expect(wrong.response.statusCode).toBe(401);
    expect(observable(unknown.response)).toEqual(observable(wrong.response));
    expect(wrong.response.headers["set-cookie"]).toBeUndefined();
    // One scrypt each (a verification for the account, a hash of the guess for no account):
    // the slow part of the request takes as long either way.
    expect(wrong.work).toBe(1);
    expect(unknown.work).toBe(1);
  });

  it("throttles guesses at an unknown email exactly as at a real account", async () => {
    const person = await signUp(t.app);
    const unknownEmail = `nobody.${Date.now()}@example.test`;
    const guessFrom = async (email: string, ip: string) => {
      const answers: LightMyRequestResponse[] = [];
      for (let attempt = 0; attempt < 6; attempt += 1) answers.push(await signIn(t.app, email, `guess number ${attempt}`, { ip }));
      return answers.map(observable);
    };
    const real = await guessFrom(person.email, nextTestIp());
    const none = await guessFrom(unknownEmail, nextTestIp());
    expect(real.map((answer) => answer.status)).toEqual([401, 401, 401, 401, 401, 429]);
    expect(none).toEqual(real);
  });

  it("answers a password reset request for an existing and an unknown email alike, and emails only the account", async () => {
    const person = await signUp(t.app);
    const unknownEmail = `nobody.${Date.now()}@example.test`;
    const request = (email: string) =>
      t.app.inject({ method: "POST", url: "/api/auth/request-password-reset", headers: sameOrigin, payload: { email }, remoteAddress: nextTestIp() });
    const sentBefore = t.mailer.sent.length;
    const known = await request(person.email);
    const unknown = await request(unknownEmail);
    expect(known.statusCode).toBe(200);
    expect(observable(unknown)).toEqual(observable(known));
    const sent = t.mailer.sent.slice(sentBefore);
    expect(sent.map((email) => email.to)).toEqual([person.email]);
  });

  it("does not make the reset answer wait for the mail server, which only an existing account would", async () => {
    const person = await signUp(t.app);
    await withStalledMailServer(t.mailer, async (handed) => {
      const response = await t.app.inject({
        method: "POST",
        url: "/api/auth/request-password-reset",
        headers: sameOrigin,
        payload: { email: person.email },
        remoteAddress: nextTestIp(),
      });
      expect(response.statusCode).toBe(200);
      expect(handed()).toBe(1);
    });
  });
  // Sign-up's side of this is in sign-up.int.test.ts.
});

/** The reset link's token, from the last email sent to an address. */
function resetTokenFor(t: TestApp, email: string): string {
  const message = t.mailer.sent.filter((sent) => sent.to === email && sent.subject === emailSubjects.passwordReset).at(-1);
  const link = /https?:\/\/\S+/.exec(message?.text ?? "")?.[0] ?? "";
  const url = new URL(link);
  expect(url.pathname).toBe("/reset-password");
  // In the fragment, never the query: browsers do not send it, so no access log holds it.
  expect(url.search).toBe("");
  return decodeURIComponent(url.hash.slice(1));
}

describe.each(dialects)("[%s] sessions end when the password changes hands", (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp(dialect);
  });
  afterAll(async () => t.close());

  it("a password reset ends every session, including the one that asked; the link works once", async () => {
    const person = await signUp(t.app);
    const otherDevice = sessionCookieFrom(await signIn(t.app, person.email, person.password));
    const asked = await t.app.inject({
      method: "POST",
      url: "/api/auth/request-password-reset",
      headers: { ...sameOrigin, cookie: person.cookie },
      payload: { email: person.email },
      remoteAddress: nextTestIp(),
    });
    expect(asked.statusCode).toBe(200);
    const token = resetTokenFor(t, person.email);
    const newPassword = "a fresh passphrase after forgetting";
    const reset = (password: string) =>
      t.app.inject({
        method: "POST",
        url: "/api/auth/reset-password",
        headers: sameOrigin,
        payload: { token, newPassword: password },
        remoteAddress: nextTestIp(),
      });
    const done = await reset(newPassword);
    expect(done.statusCode).toBe(200);
    expect(sessionCookieFrom(done)).toBe("");
    expect((await getMe(t.app, person.cookie)).statusCode).toBe(401);
    expect((await getMe(t.app, otherDevice)).statusCode).toBe(401);
    expect((await signIn(t.app, person.email, person.password)).statusCode).toBe(401);
    expect((await signIn(t.app, person.email, newPassword)).statusCode).toBe(200);
    const replay = await reset("someone else's passphrase now");
    expect(replay.statusCode).toBe(400);
    expect((await signIn(t.app, person.email, newPassword)).statusCode).toBe(200);
  });

  it("keeps a reset link's token only as a keyed hash: no stored value holds it, and the link still works", async () => {
    const person = await signUp(t.app);
    await t.app.inject({
      method: "POST",
      url: "/api/auth/request-password-reset",
      headers: sameOrigin,
      payload: { email: person.email },
      remoteAddress: nextTestIp(),
    });
    const token = resetTokenFor(t, person.email);
    const stored = await t.database.db.selectFrom("verification").select(["identifier", "value"]).execute();
    expect(stored.length).toBeGreaterThan(0);
    expect(stored.filter((row) => row.identifier.includes(token) || row.value.includes(token))).toEqual([]);
    // Nor an unkeyed hash of it, which anyone could compute from a guess.
    const plainHash = createHash("sha256").update(`reset-password:${token}`).digest("base64url");
    expect(stored.filter((row) => row.identifier === plainHash)).toEqual([]);
    const reset = await t.app.inject({
      method: "POST",
      url: "/api/auth/reset-password",
      headers: sameOrigin,
      payload: { token, newPassword: "a fresh passphrase from a hashed link" },
      remoteAddress: nextTestIp(),
    });
    expect(reset.statusCode).toBe(200);
    expect((await signIn(t.app, person.email, "a fresh passphrase from a hashed link")).statusCode).toBe(200);
  });

  it("refuses a common password on reset and keeps the link usable for a better one", async () => {
    const person = await signUp(t.app);
    await t.app.inject({
      method: "POST",
      url: "/api/auth/request-password-reset",
      headers: sameOrigin,
      payload: { email: person.email },
      remoteAddress: nextTestIp(),
    });
    const token = resetTokenFor(t, person.email);
    const weak = await t.app.inject({
      method: "POST",
      url: "/api/auth/reset-password",
      headers: sameOrigin,
      payload: { token, newPassword: "password1234" },
      remoteAddress: nextTestIp(),
    });
    expect(weak.statusCode).toBe(400);
    expect((await getMe(t.app, person.cookie)).statusCode).toBe(200);
    expect((await signIn(t.app, person.email, person.password)).statusCode).toBe(200);
  });

  it("a reset does not skip two-step sign-in: the new password still leads to the code step", async () => {
    const person = await signUp(t.app);
    await enrolTwoFactor(t.app, person);
    const cookie = person.cookie;
    expect((await getMe(t.app, cookie)).statusCode).toBe(200);
    await t.app.inject({
      method: "POST",
      url: "/api/auth/request-password-reset",
      headers: sameOrigin,
      payload: { email: person.email },
      remoteAddress: nextTestIp(),
    });
    const newPassword = "a fresh passphrase with a second step";
    const done = await t.app.inject({
      method: "POST",
      url: "/api/auth/reset-password",
      headers: sameOrigin,
      payload: { token: resetTokenFor(t, person.email), newPassword },
      remoteAddress: nextTestIp(),
    });
    expect(done.statusCode).toBe(200);
    expect((await getMe(t.app, cookie)).statusCode).toBe(401);
    const signedIn = await signIn(t.app, person.email, newPassword);
    expect(signedIn.statusCode).toBe(200);
    expect(signedIn.json()).toMatchObject({ twoFactorRedirect: true });
    expect(sessionCookieFrom(signedIn)).toBe("");
  });

  it("a client asking to keep the other sessions on a password change is overruled", async () => {
    const person = await signUp(t.app);
    const otherDevice = sessionCookieFrom(await signIn(t.app, person.email, person.password));
    const change = await t.app.inject({
      method: "POST",
      url: "/api/auth/change-password",
      headers: { ...sameOrigin, cookie: person.cookie },
      payload: { currentPassword: person.password, newPassword: "another new passphrase entirely", revokeOtherSessions: false },
    });
    expect(change.statusCode).toBe(200);
    expect((await getMe(t.app, otherDevice)).statusCode).toBe(401);
    expect((await getMe(t.app, sessionCookieFrom(change))).statusCode).toBe(200);
  });
});

type SetCookie = LightMyRequestResponse["cookies"][number];

/** Every cookie set by a sign-up, its emailed link and a sign-in. */
async function cookiesOfSigningIn(t: TestApp, origin: string): Promise<SetCookie[]> {
  const details = newPersonDetails();
  const headers = { origin, "content-type": "application/json" };
  const up = await t.app.inject({ method: "POST", url: "/api/auth/sign-up/email", headers, payload: details, remoteAddress: nextTestIp() });
  expect(up.statusCode).toBe(200);
  const confirmed = await confirmSignUp(t.app, signUpLinkFor(t.mailer.sent, details.email)?.token ?? "", details.password, {
    headers,
    remoteAddress: nextTestIp(),
  });
  expect(confirmed.statusCode).toBe(200);
  const inside = await t.app.inject({
    method: "POST",
    url: "/api/auth/sign-in/email",
    headers,
    payload: { email: details.email, password: details.password },
    remoteAddress: nextTestIp(),
  });
  expect(up.statusCode).toBe(200);
  expect(inside.statusCode).toBe(200);
  return [...up.cookies, ...confirmed.cookies, ...inside.cookies] as SetCookie[];
}

describe.each(dialects)("[%s] cookie flags over http (local use)", (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp(dialect);
  });
  afterAll(async () => t.close());

  it("every auth cookie is HttpOnly, SameSite=Lax and for the whole site; none is Secure or prefixed", async () => {
    const cookies = await cookiesOfSigningIn(t, "http://localhost:3000");
    expect(cookies.map((cookie) => cookie.name)).toContain("better-auth.session_token");
    for (const cookie of cookies) {
      expect(cookie).toMatchObject({ httpOnly: true, sameSite: "Lax", path: "/" });
      expect(cookie.secure).toBeFalsy();
      expect(cookie.domain).toBeUndefined();
    }
  });
});

describe.each(dialects)("[%s] cookie flags over https", (dialect) => {
  let t: TestApp;
  const origin = "https://mutual.example.org";
  beforeAll(async () => {
    t = await buildTestApp(dialect, { env: { PUBLIC_URL: origin } });
  });
  afterAll(async () => t.close());

  it("every auth cookie is Secure with the __Host- prefix, HttpOnly, SameSite=Lax, for the whole site and no other host", async () => {
    const cookies = await cookiesOfSigningIn(t, origin);
    expect(cookies.length).toBeGreaterThan(0);
    for (const cookie of cookies) {
      // __Host-: the browser takes it only Secure, with Path=/ and no Domain, so no sibling subdomain can plant one (decision 032).
      expect(cookie.name.startsWith("__Host-"), cookie.name).toBe(true);
      expect(cookie).toMatchObject({ httpOnly: true, secure: true, sameSite: "Lax", path: "/" });
      expect(cookie.domain).toBeUndefined();
    }
  });

  it("accepts the session only under its prefixed name, so a cookie planted without Secure cannot stand in", async () => {
    const cookies = await cookiesOfSigningIn(t, origin);
    const session = cookies.filter((cookie) => cookie.name === "__Host-better-auth.session_token" && cookie.value !== "").at(-1) as SetCookie;
    expect((await getMe(t.app, `${session.name}=${session.value}`)).statusCode).toBe(200);
    expect((await getMe(t.app, `better-auth.session_token=${session.value}`)).statusCode).toBe(401);
    expect((await getMe(t.app, `__Secure-better-auth.session_token=${session.value}`)).statusCode).toBe(401);
    const viaBetterAuth = await t.app.inject({
      method: "GET",
      url: "/api/auth/get-session",
      headers: { cookie: `better-auth.session_token=${session.value}` },
    });
    expect(viaBetterAuth.json()).toBeNull();
  });
});

describe.each(dialects)("[%s] cross-site requests carrying the cookie", (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp(dialect);
  });
  afterAll(async () => t.close());

  // What a page on another site can send without a CORS preflight: a form post (three
  // encodings) or a no-cors fetch, each with the browser's Origin header.
  const formEncodings = [
    { type: "application/x-www-form-urlencoded", body: (fields: Record<string, string>) => new URLSearchParams(fields).toString() },
    {
      type: "text/plain",
      body: (fields: Record<string, string>) =>
        Object.entries(fields)
          .map(([key, value]) => `${key}=${value}`)
          .join("\n"),
    },
    {
      type: "multipart/form-data; boundary=x",
      body: (fields: Record<string, string>) =>
        Object.entries(fields)
          .map(([key, value]) => `--x\r\nContent-Disposition: form-data; name="${key}"\r\n\r\n${value}\r\n`)
          .join("") + "--x--\r\n",
    },
  ];
  const crossSite = [
    { origin: "https://evil.example" },
    { origin: "null" },
    // A sibling on the same site: SameSite=Lax lets its requests carry the cookie.
    { origin: "http://evil.localhost:3000" },
  ];

  async function personWithPendingState() {
    const person = await signUp(t.app);
    const userId = (await getMe(t.app, person.cookie)).json().user.id as string;
    return { person, userId };
  }

  async function pendingInvites(userId: string): Promise<number> {
    return (await t.database.db.selectFrom("partner_invite").select("id").where("inviter_id", "=", userId).execute()).length;
  }

  it("refuses a form post to an app route from another site, in every encoding and with JSON too, and changes nothing", async () => {
    const { person, userId } = await personWithPendingState();
    for (const { origin } of crossSite) {
      for (const encoding of formEncodings) {
        const response = await t.app.inject({
          method: "POST",
          url: "/api/couple/invite",
          headers: { origin, "content-type": encoding.type, cookie: person.cookie },
          payload: encoding.body({ any: "field" }),
        });
        expect(response.statusCode, `${origin} ${encoding.type}`).toBe(403);
      }
      const bodiless = await t.app.inject({ method: "POST", url: "/api/couple/invite", headers: { origin, cookie: person.cookie } });
      expect(bodiless.statusCode, `${origin} without a body`).toBe(403);
      const json = await t.app.inject({
        method: "POST",
        url: "/api/couple/invite",
        headers: { origin, "content-type": "application/json", cookie: person.cookie },
        payload: {},
      });
      expect(json.statusCode, `${origin} json`).toBe(403);
    }
    const noOrigin = await t.app.inject({ method: "POST", url: "/api/couple/invite", headers: { "sec-fetch-site": "cross-site", cookie: person.cookie } });
    expect(noOrigin.statusCode).toBe(403);
    expect(await pendingInvites(userId)).toBe(0);
    const ours = await t.app.inject({ method: "POST", url: "/api/couple/invite", headers: { ...sameOrigin, cookie: person.cookie }, payload: {} });
    expect(ours.statusCode).toBe(201);
    expect(await pendingInvites(userId)).toBe(1);
  });

  it("refuses cross-site posts to the auth routes that change an account, and changes nothing", async () => {
    const { person, userId } = await personWithPendingState();
    const newPassword = "a password the attacker picked for me";
    const routes: Array<{ url: string; fields: Record<string, string> }> = [
      { url: "/api/auth/change-password", fields: { currentPassword: person.password, newPassword } },
      { url: "/api/auth/update-user", fields: { name: "Renamed by another site" } },
      { url: "/api/auth/delete-user", fields: { password: person.password } },
      { url: "/api/auth/revoke-sessions", fields: {} },
      { url: "/api/auth/sign-out", fields: {} },
    ];
    for (const { url, fields } of routes) {
      for (const { origin } of crossSite) {
        for (const encoding of formEncodings) {
          const response = await t.app.inject({
            method: "POST",
            url,
            headers: { origin, "content-type": encoding.type, cookie: person.cookie },
            payload: encoding.body(fields),
          });
          expect(response.statusCode, `${url} ${origin} ${encoding.type}`).toBeGreaterThanOrEqual(400);
          expect(response.statusCode, `${url} ${origin} ${encoding.type}`).toBeLessThan(500);
        }
        const json = await t.app.inject({
          method: "POST",
          url,
          headers: { origin, "content-type": "application/json", cookie: person.cookie },
          payload: fields,
        });
        expect(json.statusCode, `${url} ${origin} json`).toBe(403);
      }
    }
    const me = await getMe(t.app, person.cookie);
    expect(me.statusCode).toBe(200);
    expect(me.json().user).toMatchObject({ id: userId, name: person.name });
    expect((await signIn(t.app, person.email, person.password)).statusCode).toBe(200);
    // The same requests from our own pages work.
    const renamed = await t.app.inject({
      method: "POST",
      url: "/api/auth/update-user",
      headers: { ...sameOrigin, cookie: person.cookie },
      payload: { name: "Renamed by me" },
    });
    expect(renamed.statusCode).toBe(200);
    expect((await getMe(t.app, person.cookie)).json().user.name).toBe("Renamed by me");
  });

  it("refuses a cross-site sign-in (login CSRF): no session is handed to the attacker's account", async () => {
    const attacker = await signUp(t.app);
    for (const { origin } of crossSite) {
      for (const encoding of formEncodings) {
        const response = await t.app.inject({
          method: "POST",
          url: "/api/auth/sign-in/email",
          headers: { origin, "content-type": encoding.type },
          payload: encoding.body({ email: attacker.email, password: attacker.password }),
          remoteAddress: nextTestIp(),
        });
        expect(response.statusCode, `${origin} ${encoding.type}`).toBeGreaterThanOrEqual(400);
        expect(sessionCookieFrom(response)).toBe("");
      }
      const json = await signIn(t.app, attacker.email, attacker.password, { headers: { origin } });
      expect(json.statusCode, `${origin} json`).toBe(403);
      expect(sessionCookieFrom(json)).toBe("");
    }
  });
});
