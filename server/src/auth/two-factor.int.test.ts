// Two-step sign-in (TOTP, decision 014): enrolment, a sign-in that issues no session until the
// second step, backup codes that work once, and the actor's twoFactorEnabled read on every request.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, type TestApp } from "../../test/build-test-app.js";
import { getMe, nextTestIp, sameOrigin, sessionCookieFrom, signUp, type TestPerson } from "../../test/auth-helpers.js";
import { createPractice, enrolTwoFactor, getAs, postAs, signInFrom, twoFactorCookieFrom } from "../../test/practice-helpers.js";
import { confirmSignUp, signUpLinkFor } from "../../test/sign-up-through-email.js";
import { dialects } from "../../test/test-databases.js";
import { requireTwoFactor } from "../modules/practice/index.js";

describe.each(dialects)("[%s] two-step sign-in", (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp(dialect);
  });
  afterAll(async () => t.close());

  const secondStep = (stepCookie: string, url: string, code: string, ip = nextTestIp()) =>
    t.app.inject({ method: "POST", url, headers: { ...sameOrigin, cookie: stepCookie }, payload: { code }, remoteAddress: ip });
  const actorFlag = async (cookie: string) => (await getMe(t.app, cookie)).json().user.twoFactorEnabled as boolean;

  it("enrols with the password and a code (otpauth URI issued by Mutual, ten backup codes), then asks for a code at every sign-in", async () => {
    const person = await signUp(t.app);
    expect(await actorFlag(person.cookie)).toBe(false);
    expect(() => requireTwoFactor({ twoFactorEnabled: false })).toThrow(/two-step sign-in/);

    // A wrong password enrols nothing.
    expect((await postAs(t.app, person, "/api/auth/two-factor/enable", { password: "not the password at all" })).statusCode).toBe(400);
    const { totp, backupCodes, totpURI } = await enrolTwoFactor(t.app, person);
    expect(totpURI).toMatch(/^otpauth:\/\/totp\/Mutual:/);
    expect(totpURI).toContain("issuer=Mutual");
    expect(backupCodes).toHaveLength(10);
    // Confirming replaced the session; the new one carries the flag, read from the person's row.
    expect(await actorFlag(person.cookie)).toBe(true);
    // The secret and backup codes are stored encrypted.
    const stored = await t.database.db.selectFrom("twoFactor").selectAll().executeTakeFirstOrThrow();
    expect(stored.secret).not.toContain(totp.secret.base32);
    expect(stored.backupCodes).not.toContain(backupCodes[0]!);

    const signIn = await signInFrom(t.app, person);
    expect(signIn.statusCode).toBe(200);
    expect(signIn.json()).toMatchObject({ twoFactorRedirect: true, twoFactorMethods: ["totp"] });
    // No session yet: no usable session cookie, only the short-lived step cookie.
    expect(sessionCookieFrom(signIn)).toBe("");
    const stepCookie = twoFactorCookieFrom(signIn);
    expect(stepCookie).not.toBe("");
    expect((await getMe(t.app, stepCookie)).statusCode).toBe(401);

    expect((await secondStep(stepCookie, "/api/auth/two-factor/verify-totp", "000000")).statusCode).toBe(401);
    const verified = await secondStep(stepCookie, "/api/auth/two-factor/verify-totp", totp.generate({ timestamp: Date.now() + 30_000 }));
    expect(verified.statusCode).toBe(200);
    const cookie = sessionCookieFrom(verified);
    expect(cookie).not.toBe("");
    expect((await getMe(t.app, cookie)).statusCode).toBe(200);
    expect(await actorFlag(cookie)).toBe(true);
    expect(() => requireTwoFactor({ twoFactorEnabled: true })).not.toThrow();
  });

  /** Asks for a confirmation email with no session (anyone who knows the address can) and opens its link with no cookie and `password`, as the web's page does. */
  async function openConfirmationLinkFromMailbox(person: TestPerson, password = person.password) {
    const before = t.mailer.sent.length;
    const asked = await t.app.inject({
      method: "POST",
      url: "/api/auth/send-verification-email",
      headers: sameOrigin,
      payload: { email: person.email, callbackURL: "/account" },
      remoteAddress: nextTestIp(),
    });
    expect(asked.statusCode, asked.body).toBe(200);
    const link = signUpLinkFor(t.mailer.sent.slice(before), person.email);
    expect(link?.next).toBe("/account");
    return confirmSignUp(t.app, link?.token ?? "", password, { headers: sameOrigin, remoteAddress: nextTestIp() });
  }
  const emailVerifiedOf = async (email: string) =>
    Boolean((await t.database.db.selectFrom("user").select("emailVerified").where("email", "=", email).executeTakeFirstOrThrow()).emailVerified);
  // Accounts made before sign-up finished by the emailed link may still have an unconfirmed address.
  const asAccountFromBeforeConfirmation = async (email: string) => {
    await t.database.db
      .updateTable("user")
      .set({ emailVerified: dialect === "sqlite" ? 0 : false })
      .where("email", "=", email)
      .execute();
  };

  it("the emailed confirmation link with the password asks someone with two-step sign-in for their code: the mailbox and password alone open no client data", async () => {
    const counsellor = await signUp(t.app);
    const practiceId = await createPractice(t.app, counsellor);
    await enrolTwoFactor(t.app, counsellor);
    await asAccountFromBeforeConfirmation(counsellor.email);

    const opened = await openConfirmationLinkFromMailbox(counsellor);
    expect(opened.statusCode).toBe(200);
    expect(opened.json()).toMatchObject({ twoFactorRedirect: true });
    expect(twoFactorCookieFrom(opened)).not.toBe("");
    expect(await emailVerifiedOf(counsellor.email)).toBe(true);
    // No session until the code: no usable cookie, and the client routes answer as to anyone signed out.
    expect(sessionCookieFrom(opened)).toBe("");
    const sessionCookies = opened.cookies.filter((cookie) => cookie.name.endsWith("session_token"));
    for (const cookie of sessionCookies) expect((await getMe(t.app, `${cookie.name}=${cookie.value}`)).statusCode).toBe(401);
    expect((await t.app.inject({ method: "GET", url: `/api/practices/${practiceId}/clients` })).statusCode).toBe(401);
    // The counsellor's own session is untouched.
    expect((await getAs(t.app, counsellor, `/api/practices/${practiceId}/clients`)).statusCode).toBe(200);
  });

  it("the confirmation link with a wrong password confirms nothing; with the right one it confirms and signs in (decision 020)", async () => {
    const person = await signUp(t.app);
    await asAccountFromBeforeConfirmation(person.email);
    const refused = await openConfirmationLinkFromMailbox(person, "not the password at all");
    expect(refused.statusCode).toBe(401);
    expect(refused.headers["set-cookie"]).toBeUndefined();
    expect(await emailVerifiedOf(person.email)).toBe(false);

    const opened = await openConfirmationLinkFromMailbox(person);
    expect(opened.statusCode).toBe(200);
    expect(await emailVerifiedOf(person.email)).toBe(true);
    expect((await getMe(t.app, sessionCookieFrom(opened))).json().user).toMatchObject({ emailVerified: true, twoFactorEnabled: false });
  });

  it("turning it on ends every other session, which began with the password alone; later two-step sign-ins end none", async () => {
    const person = await signUp(t.app);
    const practiceId = await createPractice(t.app, person);
    const older = sessionCookieFrom(await signInFrom(t.app, person));
    expect((await getMe(t.app, older)).statusCode).toBe(200);

    const { totp } = await enrolTwoFactor(t.app, person);
    expect((await getMe(t.app, older)).statusCode).toBe(401);
    expect((await getAs(t.app, { cookie: older }, `/api/practices/${practiceId}/clients`)).statusCode).toBe(401);
    expect((await getAs(t.app, person, `/api/practices/${practiceId}/clients`)).statusCode).toBe(200);

    // A two-step sign-in on another device leaves the enrolling session alone.
    const step = await signInFrom(t.app, person);
    const verified = await secondStep(twoFactorCookieFrom(step), "/api/auth/two-factor/verify-totp", totp.generate({ timestamp: Date.now() + 30_000 }));
    expect(verified.statusCode).toBe(200);
    expect((await getMe(t.app, sessionCookieFrom(verified))).statusCode).toBe(200);
    expect((await getMe(t.app, person.cookie)).statusCode).toBe(200);
  });

  it("refuses to trust a device: a code is asked at every sign-in (decision 014)", async () => {
    const person = await signUp(t.app);
    const { totp, backupCodes } = await enrolTwoFactor(t.app, person);
    const step = twoFactorCookieFrom(await signInFrom(t.app, person));
    const trusting = (url: string, code: string) =>
      t.app.inject({ method: "POST", url, headers: { ...sameOrigin, cookie: step }, payload: { code, trustDevice: true }, remoteAddress: nextTestIp() });
    for (const [url, code] of [
      ["/api/auth/two-factor/verify-totp", totp.generate({ timestamp: Date.now() + 30_000 })],
      ["/api/auth/two-factor/verify-backup-code", backupCodes[0]!],
    ] as const) {
      const refused = await trusting(url, code);
      expect(refused.statusCode).toBe(400);
      expect(refused.json().code).toBe("TRUST_DEVICE_NOT_OFFERED");
      expect(sessionCookieFrom(refused)).toBe("");
      expect(refused.cookies.some((cookie) => cookie.name.includes("trust_device") && cookie.value !== "")).toBe(false);
    }
    // What the web sends (trustDevice false) works, with the same step cookie.
    const verified = await t.app.inject({
      method: "POST",
      url: "/api/auth/two-factor/verify-totp",
      headers: { ...sameOrigin, cookie: step },
      payload: { code: totp.generate({ timestamp: Date.now() + 30_000 }), trustDevice: false },
      remoteAddress: nextTestIp(),
    });
    expect(verified.statusCode).toBe(200);
  });

  it("accepts each backup code once instead of a TOTP code", async () => {
    const person = await signUp(t.app);
    const { backupCodes } = await enrolTwoFactor(t.app, person);
    const first = await signInFrom(t.app, person);
    const used = await secondStep(twoFactorCookieFrom(first), "/api/auth/two-factor/verify-backup-code", backupCodes[0]!);
    expect(used.statusCode).toBe(200);
    expect((await getMe(t.app, sessionCookieFrom(used))).statusCode).toBe(200);

    const again = await signInFrom(t.app, person);
    const reused = await secondStep(twoFactorCookieFrom(again), "/api/auth/two-factor/verify-backup-code", backupCodes[0]!);
    expect(reused.statusCode).toBe(401);
    expect(sessionCookieFrom(reused)).toBe("");
    const next = await secondStep(twoFactorCookieFrom(again), "/api/auth/two-factor/verify-backup-code", backupCodes[1]!);
    expect(next.statusCode).toBe(200);
  });

  it("backup codes have no look-alike characters and are accepted however they are typed, still once each", async () => {
    const person = await signUp(t.app);
    const { backupCodes } = await enrolTwoFactor(t.app, person);
    for (const code of backupCodes) expect(code).toMatch(/^[ACDEFGHJKMNPQRTUVWXY34679]{5}-[ACDEFGHJKMNPQRTUVWXY34679]{5}$/);
    const typedLoosely = ` ${backupCodes[2]!.toLowerCase().replace("-", " ")} `;
    const first = await signInFrom(t.app, person);
    const used = await secondStep(twoFactorCookieFrom(first), "/api/auth/two-factor/verify-backup-code", typedLoosely);
    expect(used.statusCode).toBe(200);
    const again = await signInFrom(t.app, person);
    expect((await secondStep(twoFactorCookieFrom(again), "/api/auth/two-factor/verify-backup-code", backupCodes[2]!)).statusCode).toBe(401);
  });

  it("turning it off (with the password) makes the gate refuse at once, on the same session", async () => {
    const person = await signUp(t.app);
    await enrolTwoFactor(t.app, person);
    expect(await actorFlag(person.cookie)).toBe(true);
    expect((await postAs(t.app, person, "/api/auth/two-factor/disable", { password: "not the password at all" })).statusCode).toBe(400);
    const disabled = await postAs(t.app, person, "/api/auth/two-factor/disable", { password: person.password });
    expect(disabled.statusCode).toBe(200);
    person.cookie = sessionCookieFrom(disabled) || person.cookie;
    const me = (await getMe(t.app, person.cookie)).json();
    expect(me.user.twoFactorEnabled).toBe(false);
    expect(() => requireTwoFactor(me.user)).toThrow(expect.objectContaining({ statusCode: 403, code: "TWO_FACTOR_REQUIRED" }));
    // The practice list says so too, so the web can hide client data and prompt again.
    expect((await getAs(t.app, person, "/api/practices")).json().twoFactorEnabled).toBe(false);
    // And signing in takes one step again.
    const signIn = await signInFrom(t.app, person);
    expect(sessionCookieFrom(signIn)).not.toBe("");
  });

  it("reads the flag from the person's row on every request: switched off elsewhere, the next request sees it off", async () => {
    const person = await signUp(t.app);
    await enrolTwoFactor(t.app, person);
    const userId = (await getMe(t.app, person.cookie)).json().user.id as string;
    await t.database.db
      .updateTable("user")
      .set({ twoFactorEnabled: dialect === "sqlite" ? 0 : false })
      .where("id", "=", userId)
      .execute();
    expect(await actorFlag(person.cookie)).toBe(false);
  });
});
