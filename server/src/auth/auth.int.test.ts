import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, type TestApp } from "../../test/build-test-app.js";
import { getMe, newPersonDetails, nextTestIp, sameOrigin, sessionCookieFrom, signIn, signUp } from "../../test/auth-helpers.js";
import { confirmSignUp, signUpLinkFor } from "../../test/sign-up-through-email.js";
import { dialects } from "../../test/test-databases.js";

/** Signs a new person up and opens the emailed link with the password: the answer that sets the session. */
async function signUpConfirmAndSignIn(t: TestApp, headers: Record<string, string>) {
  const details = newPersonDetails();
  const up = await t.app.inject({ method: "POST", url: "/api/auth/sign-up/email", headers, payload: details, remoteAddress: nextTestIp() });
  expect(up.statusCode).toBe(200);
  const link = signUpLinkFor(t.mailer.sent, details.email);
  return confirmSignUp(t.app, link?.token ?? "", details.password, { headers, remoteAddress: nextTestIp() });
}

describe.each(dialects)("[%s] accounts", (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp(dialect);
  });
  afterAll(async () => t.close());

  it("signs up, greets the person by name and keeps them signed in with a cookie", async () => {
    const person = await signUp(t.app);
    expect(person.cookie).not.toBe("");
    const me = await getMe(t.app, person.cookie);
    expect(me.statusCode).toBe(200);
    expect(Object.keys(me.json().user).sort()).toEqual(["createdAt", "email", "emailVerified", "id", "name", "twoFactorEnabled"]);
    expect(me.json().user).toMatchObject({ name: person.name, email: person.email, emailVerified: true, twoFactorEnabled: false });
  });

  it("sets the session cookie HttpOnly and SameSite=Lax", async () => {
    const response = await signUpConfirmAndSignIn(t, sameOrigin);
    const cookie = response.cookies.find((entry) => entry.name.endsWith("session_token"));
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: "Lax" });
    expect(cookie?.secure).toBeFalsy();
  });

  it("refuses a password shorter than 12 characters and creates no account", async () => {
    const details = { ...newPersonDetails(), password: "short pass1" };
    const response = await t.app.inject({ method: "POST", url: "/api/auth/sign-up/email", headers: sameOrigin, payload: details, remoteAddress: nextTestIp() });
    expect(response.statusCode).toBe(400);
    expect((await signIn(t.app, details.email, details.password)).statusCode).toBe(401);
  });

  it("refuses a common password with a clear reason and creates no account", async () => {
    const details = { ...newPersonDetails(), password: "qwerty123456" };
    const response = await t.app.inject({ method: "POST", url: "/api/auth/sign-up/email", headers: sameOrigin, payload: details, remoteAddress: nextTestIp() });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ code: "PASSWORD_TOO_COMMON" });
    expect(response.json().message).toMatch(/common passwords/);
    const count = await t.database.db.selectFrom("user").select("id").where("email", "=", details.email).execute();
    expect(count).toHaveLength(0);
  });

  it("accepts a long passphrase with spaces and unicode (no composition rules)", async () => {
    const details = { ...newPersonDetails(), password: "méditation sous la pluie 🌧️ ".repeat(4) };
    const person = await signUp(t.app, details);
    expect((await getMe(t.app, person.cookie)).statusCode).toBe(200);
  });

  it("signs in with the right password and refuses a wrong one with the same message as an unknown email", async () => {
    const person = await signUp(t.app);
    const ok = await signIn(t.app, person.email, person.password);
    expect(ok.statusCode).toBe(200);
    expect(sessionCookieFrom(ok)).not.toBe("");
    const wrong = await signIn(t.app, person.email, "not the password at all");
    const unknown = await signIn(t.app, `nobody-${Date.now()}@example.test`, "not the password at all");
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json().message).toBe(unknown.json().message);
  });

  it("signs out: the cookie stops working", async () => {
    const person = await signUp(t.app);
    const out = await t.app.inject({ method: "POST", url: "/api/auth/sign-out", headers: { ...sameOrigin, cookie: person.cookie }, payload: {} });
    expect(out.statusCode).toBe(200);
    expect((await getMe(t.app, person.cookie)).statusCode).toBe(401);
  });

  it("changes the password: other sessions end, this one continues, the new password works", async () => {
    const person = await signUp(t.app);
    const otherDevice = sessionCookieFrom(await signIn(t.app, person.email, person.password));
    const newPassword = "a brand new passphrase for testing";
    const change = await t.app.inject({
      method: "POST",
      url: "/api/auth/change-password",
      headers: { ...sameOrigin, cookie: person.cookie },
      // The client does not ask to end other sessions; the server does it anyway.
      payload: { currentPassword: person.password, newPassword },
    });
    expect(change.statusCode).toBe(200);
    const thisDevice = sessionCookieFrom(change);
    expect((await getMe(t.app, otherDevice)).statusCode).toBe(401);
    expect((await getMe(t.app, thisDevice)).statusCode).toBe(200);
    expect((await signIn(t.app, person.email, person.password)).statusCode).toBe(401);
    expect((await signIn(t.app, person.email, newPassword)).statusCode).toBe(200);
  });

  it("refuses to change to a common password", async () => {
    const person = await signUp(t.app);
    const change = await t.app.inject({
      method: "POST",
      url: "/api/auth/change-password",
      headers: { ...sameOrigin, cookie: person.cookie },
      payload: { currentPassword: person.password, newPassword: "password1234" },
    });
    expect(change.statusCode).toBe(400);
    expect((await signIn(t.app, person.email, person.password)).statusCode).toBe(200);
  });

  it("lists sessions and ends one of them", async () => {
    const person = await signUp(t.app);
    const second = sessionCookieFrom(await signIn(t.app, person.email, person.password));
    const list = await t.app.inject({ method: "GET", url: "/api/auth/list-sessions", headers: { cookie: person.cookie } });
    expect(list.statusCode).toBe(200);
    const sessions = list.json() as Array<{ token: string }>;
    expect(sessions).toHaveLength(2);
    const secondToken = decodeURIComponent(second.split("=")[1] ?? "").split(".")[0];
    const revoke = await t.app.inject({
      method: "POST",
      url: "/api/auth/revoke-session",
      headers: { ...sameOrigin, cookie: person.cookie },
      payload: { token: secondToken },
    });
    expect(revoke.statusCode).toBe(200);
    expect((await getMe(t.app, second)).statusCode).toBe(401);
    expect((await getMe(t.app, person.cookie)).statusCode).toBe(200);
  });

  it("deletes the account: every session ends and the person's rows are gone", async () => {
    const person = await signUp(t.app);
    const second = sessionCookieFrom(await signIn(t.app, person.email, person.password));
    const userId = (await getMe(t.app, person.cookie)).json().user.id as string;
    const removal = await t.app.inject({
      method: "POST",
      url: "/api/auth/delete-user",
      headers: { ...sameOrigin, cookie: person.cookie },
      payload: { password: person.password },
    });
    expect(removal.statusCode).toBe(200);
    expect((await getMe(t.app, person.cookie)).statusCode).toBe(401);
    expect((await getMe(t.app, second)).statusCode).toBe(401);
    const db = t.database.db;
    expect(await db.selectFrom("user").select("id").where("id", "=", userId).execute()).toHaveLength(0);
    expect(await db.selectFrom("session").select("id").where("userId", "=", userId).execute()).toHaveLength(0);
    expect(await db.selectFrom("account").select("id").where("userId", "=", userId).execute()).toHaveLength(0);
    expect((await signIn(t.app, person.email, person.password)).statusCode).toBe(401);
  });

  it("refuses to delete the account with a wrong password", async () => {
    const person = await signUp(t.app);
    const removal = await t.app.inject({
      method: "POST",
      url: "/api/auth/delete-user",
      headers: { ...sameOrigin, cookie: person.cookie },
      payload: { password: "definitely not it at all" },
    });
    expect(removal.statusCode).toBeGreaterThanOrEqual(400);
    expect(removal.statusCode).toBeLessThan(500);
    expect((await getMe(t.app, person.cookie)).statusCode).toBe(200);
  });

  it("rejects a state-changing request from another origin", async () => {
    const person = await signUp(t.app);
    const response = await t.app.inject({
      method: "POST",
      url: "/api/auth/sign-out",
      headers: { origin: "https://evil.example", "content-type": "application/json", cookie: person.cookie },
      payload: {},
    });
    expect(response.statusCode).toBe(403);
    expect((await getMe(t.app, person.cookie)).statusCode).toBe(200);
  });
});

describe.each(dialects)("[%s] sign-in throttling", (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp(dialect, { env: { CLIENT_IP_HEADER: "x-forwarded-for" } });
  });
  afterAll(async () => t.close());

  it("throttles repeated wrong passwords for one account from one address, not from another", async () => {
    const person = await signUp(t.app);
    const attacker = { "x-forwarded-for": "203.0.113.7" };
    for (let attempt = 0; attempt < 5; attempt += 1) {
      expect((await signIn(t.app, person.email, `wrong guess number ${attempt}`, { headers: attacker })).statusCode).toBe(401);
    }
    const blocked = await signIn(t.app, person.email, person.password, { headers: attacker });
    expect(blocked.statusCode).toBe(429);
    expect(blocked.json().message).toMatch(/try again/i);
    // The real person, elsewhere, still gets in.
    const fromHome = await signIn(t.app, person.email, person.password, { headers: { "x-forwarded-for": "198.51.100.20" } });
    expect(fromHome.statusCode).toBe(200);
  });

  it("counts the address the operator's proxy appended, not one the client forged", async () => {
    const person = await signUp(t.app);
    for (let attempt = 0; attempt < 5; attempt += 1) {
      // The forged first entry changes each time; the proxy-appended last entry does not.
      const headers = { "x-forwarded-for": `10.0.0.${attempt}, 203.0.113.99` };
      expect((await signIn(t.app, person.email, `wrong guess ${attempt}`, { headers })).statusCode).toBe(401);
    }
    const blocked = await signIn(t.app, person.email, person.password, { headers: { "x-forwarded-for": "10.9.9.9, 203.0.113.99" } });
    expect(blocked.statusCode).toBe(429);
  });

  it("a successful sign-in clears that address's failures", async () => {
    const person = await signUp(t.app);
    const from = { "x-forwarded-for": "192.0.2.44" };
    for (let attempt = 0; attempt < 4; attempt += 1) await signIn(t.app, person.email, `typo number ${attempt}`, { headers: from });
    expect((await signIn(t.app, person.email, person.password, { headers: from })).statusCode).toBe(200);
    for (let attempt = 0; attempt < 4; attempt += 1) {
      expect((await signIn(t.app, person.email, `typo again ${attempt}`, { headers: from })).statusCode).toBe(401);
    }
    expect((await signIn(t.app, person.email, person.password, { headers: from })).statusCode).toBe(200);
  });
});

describe.each(dialects)("[%s] https deployments", (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp(dialect, { env: { PUBLIC_URL: "https://mutual.example.org" } });
  });
  afterAll(async () => t.close());

  it("marks the session cookie Secure", async () => {
    const response = await signUpConfirmAndSignIn(t, { origin: "https://mutual.example.org", "content-type": "application/json" });
    expect(response.statusCode).toBe(200);
    const cookie = response.cookies.find((entry) => entry.name.endsWith("session_token"));
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: "Lax", secure: true });
    expect(response.headers["strict-transport-security"]).toMatch(/max-age=/);
  });
});
