// Sign-up finishes by the emailed link, and answers a new and a taken address alike (decision 020).
import type { LightMyRequestResponse } from "fastify";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { buildTestApp, withStalledMailServer, type TestApp } from "../../test/build-test-app.js";
import { getMe, newPersonDetails, nextTestIp, sameOrigin, sessionCookieFrom, signIn, signUp } from "../../test/auth-helpers.js";
import { signInThrottleRules } from "./sign-in-throttle.js";
import { confirmSignUp, signUpLinkFor } from "../../test/sign-up-through-email.js";
import { dialects } from "../../test/test-databases.js";
import { signUpEmailWaitMs } from "./account-emails.js";
import { passwordWork } from "./confirmation.js";
import { emailSubjects } from "../platform/email-templates.js";
import { unfinishedSignUpKeepMs } from "./sign-up-link.js";
import { sweepExpiredRows } from "../modules/retention/index.js";

/** What tells one answer from another: status, body and every header but the date. */
function observable(response: LightMyRequestResponse) {
  const { date: _date, ...headers } = response.headers;
  return { status: response.statusCode, body: response.body, headers };
}

/** The scrypt work (hashes and verifications) that `run` made the server do. */
async function workOf<T>(run: () => Promise<T>): Promise<{ result: T; hashes: number; verifications: number }> {
  const before = { ...passwordWork };
  const result = await run();
  return { result, hashes: passwordWork.hashes - before.hashes, verifications: passwordWork.verifications - before.verifications };
}

describe.each(dialects)("[%s] sign-up by the emailed link", (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp(dialect);
  });
  afterAll(async () => t.close());

  const postSignUp = (payload: Record<string, unknown>) =>
    t.app.inject({ method: "POST", url: "/api/auth/sign-up/email", headers: sameOrigin, payload, remoteAddress: nextTestIp() });
  const sentTo = (email: string) => t.mailer.sent.filter((message) => message.to.toLowerCase() === email.toLowerCase());
  /** Moves an account's creation and last change (when its newest link was sent) back in time. */
  const ageAccount = async (email: string, agoMs: number) => {
    const then = new Date(Date.now() - agoMs).toISOString();
    await t.database.db.updateTable("user").set({ createdAt: then, updatedAt: then }).where("email", "=", email.toLowerCase()).execute();
  };
  const emailVerifiedOf = async (email: string) =>
    Boolean((await t.database.db.selectFrom("user").select("emailVerified").where("email", "=", email.toLowerCase()).executeTakeFirstOrThrow()).emailVerified);

  it("answers a new and a taken address byte for byte alike, with no session, the same password work, and the right email to each", async () => {
    const owner = await signUp(t.app);
    const fresh = newPersonDetails();
    const taken = await workOf(() => postSignUp({ email: owner.email.toUpperCase(), password: "an attacker's chosen passphrase", name: "Someone else" }));
    const created = await workOf(() => postSignUp(fresh));

    expect(created.result.statusCode).toBe(200);
    expect(observable(taken.result)).toEqual(observable(created.result));
    expect(created.result.headers["set-cookie"]).toBeUndefined();
    expect(sessionCookieFrom(taken.result)).toBe("");
    // One scrypt hash each, no verification: the same slow work whether or not the address has an account.
    expect({ hashes: taken.hashes, verifications: taken.verifications }).toEqual({ hashes: 1, verifications: 0 });
    expect({ hashes: created.hashes, verifications: created.verifications }).toEqual({ hashes: 1, verifications: 0 });

    // The new address gets the link; the owner of the taken one is told someone tried, with no link that signs in.
    expect(sentTo(fresh.email).map((message) => message.subject)).toEqual([emailSubjects.confirm]);
    await expect.poll(() => sentTo(owner.email).map((message) => message.subject)).toEqual([emailSubjects.confirm, emailSubjects.existingAccount]);
    const notice = sentTo(owner.email).at(-1)?.text ?? "";
    expect(notice).toContain("http://localhost:3000/sign-in");
    expect(notice).toContain("http://localhost:3000/forgot-password");
    expect(notice).not.toContain("confirm-email");

    // Nothing changed on the taken account: its name and password are the owner's.
    expect((await getMe(t.app, owner.cookie)).json().user.name).toBe(owner.name);
    expect((await signIn(t.app, owner.email, "an attacker's chosen passphrase")).statusCode).toBe(401);
    expect((await signIn(t.app, owner.email, owner.password)).statusCode).toBe(200);
  });

  it("answers alike for an address whose sign-up was started but never finished", async () => {
    const started = newPersonDetails();
    expect((await postSignUp(started)).statusCode).toBe(200);
    const again = await workOf(() => postSignUp({ ...started, password: "a second try at a passphrase" }));
    const fresh = await workOf(() => postSignUp(newPersonDetails()));
    expect(observable(again.result)).toEqual(observable(fresh.result));
    expect(again.hashes).toBe(fresh.hashes);
  });

  it("waits only a few seconds for a mail server that does not answer, for a new address or a taken one alike", async () => {
    const owner = await signUp(t.app);
    await withStalledMailServer(t.mailer, async (handed) => {
      for (const details of [newPersonDetails(), { ...newPersonDetails(), email: owner.email }]) {
        const started = performance.now();
        expect((await postSignUp(details)).statusCode).toBe(200);
        expect(performance.now() - started).toBeLessThan(signUpEmailWaitMs + 1500);
      }
      await expect.poll(handed).toBe(2);
    });
  }, 30_000);

  it("does not say to check the email when it could not be written or sent, and leaves nothing half made", async () => {
    const owner = await signUp(t.app);
    const send = t.mailer.send;
    const details = newPersonDetails();
    // The outbox on a full disk, then a mail server that refuses the message.
    const failures = [
      { error: Object.assign(new Error("ENOSPC: no space left on device, write"), { code: "ENOSPC" }), code: "STORAGE_FULL" },
      { error: Object.assign(new Error("Mail command failed: 554 5.7.1 rejected"), { code: "EENVELOPE", responseCode: 554 }), code: "EMAIL_NOT_SENT" },
    ];
    try {
      for (const failure of failures) {
        t.mailer.send = async () => Promise.reject(failure.error);
        for (const attempt of [details, { ...newPersonDetails(), email: owner.email }]) {
          const refused = await postSignUp(attempt);
          expect(refused.statusCode).toBe(503);
          expect(refused.headers["retry-after"]).toBeDefined();
          expect(refused.json()).toMatchObject({ error: { code: failure.code } });
        }
      }
    } finally {
      t.mailer.send = send;
    }
    // Nothing of the new address was kept: trying again is a fresh sign-up that gets its link.
    expect(await t.database.db.selectFrom("user").select("id").where("email", "=", details.email.toLowerCase()).executeTakeFirst()).toBeUndefined();
    expect((await postSignUp(details)).statusCode).toBe(200);
    expect(signUpLinkFor(t.mailer.sent, details.email)?.token).toBeTruthy();
  });

  it("the link with the password chosen confirms the address and signs in; opened again it is a sign-in, and a wrong password gets nothing", async () => {
    const details = newPersonDetails();
    expect(sessionCookieFrom(await postSignUp(details))).toBe("");
    // Until the link is opened, the right password opens nothing.
    expect((await signIn(t.app, details.email, details.password)).statusCode).toBe(401);
    const link = signUpLinkFor(t.mailer.sent, details.email);
    const message = sentTo(details.email).at(-1)?.text ?? "";
    const url = new URL(/https?:\/\/\S+/.exec(message)?.[0] ?? "");
    // The token rides in the fragment, which browsers never send: no access log holds it.
    expect(url.pathname).toBe("/confirm-email");
    expect(url.search).toBe("");
    expect(link?.next).toBe("/");
    // The address rides along only to be shown beside the password field that follows.
    expect(link?.email).toBe(details.email);

    // The link with the password chosen confirms the address and signs in, for one scrypt.
    const first = await workOf(() => confirmSignUp(t.app, link?.token ?? "", details.password, { headers: sameOrigin, remoteAddress: nextTestIp() }));
    expect(first.result.statusCode).toBe(200);
    expect(first.verifications).toBe(1);
    expect(first.hashes).toBe(0);
    expect(await emailVerifiedOf(details.email)).toBe(true);
    expect((await getMe(t.app, sessionCookieFrom(first.result))).json().user).toMatchObject({ email: details.email, name: details.name, emailVerified: true });
    expect((await signIn(t.app, details.email, details.password)).statusCode).toBe(200);

    // Opened again, the link with the right password is just a sign-in; with a wrong one, nothing.
    const second = await confirmSignUp(t.app, link?.token ?? "", details.password, { headers: sameOrigin, remoteAddress: nextTestIp() });
    expect(second.statusCode).toBe(200);
    const wrong = await confirmSignUp(t.app, link?.token ?? "", "not the password at all", { headers: sameOrigin, remoteAddress: nextTestIp() });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.headers["set-cookie"]).toBeUndefined();
    expect(t.logLines.join("\n")).not.toContain(link?.token ?? "(no token)");
  });

  it("confirming with a wrong password in a browser where someone else is signed in leaves their session as it is and confirms nothing", async () => {
    const other = await signUp(t.app);
    const details = newPersonDetails();
    await postSignUp(details);
    const token = signUpLinkFor(t.mailer.sent, details.email)?.token ?? "";
    const refused = await confirmSignUp(t.app, token, other.password, { headers: { ...sameOrigin, cookie: other.cookie }, remoteAddress: nextTestIp() });
    expect(refused.statusCode).toBe(401);
    expect(refused.headers["set-cookie"]).toBeUndefined();
    expect(await emailVerifiedOf(details.email)).toBe(false);
    expect((await getMe(t.app, other.cookie)).json().user.email).toBe(other.email);
  });

  it("a squatted address: the owner's own sign-up is answered alike, their link with their own password confirms nothing, and a password reset makes the account theirs and shuts the squatter out", async () => {
    const victim = newPersonDetails();
    const squatterPassword = "the squatter's own passphrase";
    // Someone else starts a sign-up with the victim's address and a password they know.
    expect((await postSignUp({ email: victim.email, password: squatterPassword, name: "Squatter" })).statusCode).toBe(200);
    // The victim's own sign-up later is answered as any other.
    const victimAnswer = await postSignUp(victim);
    const freshAnswer = await postSignUp(newPersonDetails());
    expect(observable(victimAnswer)).toEqual(observable(freshAnswer));
    expect(sessionCookieFrom(victimAnswer)).toBe("");

    // The victim asks for the link again and opens it with their own password: the password is
    // the squatter's, so nothing is confirmed and nobody is signed in (decision 020).
    const asked = await t.app.inject({
      method: "POST",
      url: "/api/auth/send-verification-email",
      headers: sameOrigin,
      payload: { email: victim.email },
      remoteAddress: nextTestIp(),
    });
    expect(asked.statusCode).toBe(200);
    const link = signUpLinkFor(t.mailer.sent, victim.email);
    const refused = await workOf(() => confirmSignUp(t.app, link?.token ?? "", victim.password, { headers: sameOrigin, remoteAddress: nextTestIp() }));
    expect(refused.result.statusCode).toBe(401);
    expect(refused.verifications).toBe(1);
    expect(refused.result.headers["set-cookie"]).toBeUndefined();
    expect(await emailVerifiedOf(victim.email)).toBe(false);
    // So the squatter's password still opens nothing: the address is unconfirmed.
    expect((await signIn(t.app, victim.email, victim.password)).statusCode).toBe(401);
    expect((await signIn(t.app, victim.email, squatterPassword)).statusCode).toBe(401);

    // The victim chooses a new password through the emailed reset link.
    await t.app.inject({
      method: "POST",
      url: "/api/auth/request-password-reset",
      headers: sameOrigin,
      payload: { email: victim.email },
      remoteAddress: nextTestIp(),
    });
    const resetMessage = await vi.waitFor(() => {
      const found = sentTo(victim.email).find((message) => message.subject === emailSubjects.passwordReset);
      if (!found) throw new Error("no reset email yet");
      return found;
    });
    const token = decodeURIComponent(new URL(/https?:\/\/\S+/.exec(resetMessage.text)?.[0] ?? "http://x/").hash.slice(1));
    const reset = await t.app.inject({
      method: "POST",
      url: "/api/auth/reset-password",
      headers: sameOrigin,
      payload: { token, newPassword: victim.password },
      remoteAddress: nextTestIp(),
    });
    expect(reset.statusCode).toBe(200);
    // The squatter's password opens nothing; the victim's does.
    expect((await signIn(t.app, victim.email, squatterPassword)).statusCode).toBe(401);
    const victimSignIn = await signIn(t.app, victim.email, victim.password);
    expect(victimSignIn.statusCode).toBe(200);
    expect((await getMe(t.app, sessionCookieFrom(victimSignIn))).json().user.email).toBe(victim.email);
  });

  it("answers a forged or malformed token as a wrong password, refuses a body that is not a token and a password, and signs nobody in", async () => {
    const details = newPersonDetails();
    await postSignUp(details);
    const token = signUpLinkFor(t.mailer.sent, details.email)?.token ?? "";
    const forged = `${token.slice(0, -4)}AAAA`;
    const wrong = await workOf(() => confirmSignUp(t.app, token, "not the password at all", { headers: sameOrigin, remoteAddress: nextTestIp() }));
    expect(wrong.result.statusCode).toBe(401);
    expect(wrong.verifications).toBe(1);
    for (const bad of [forged, "not-a-token"]) {
      const answer = await workOf(() => confirmSignUp(t.app, bad, details.password, { headers: sameOrigin, remoteAddress: nextTestIp() }));
      expect(observable(answer.result)).toEqual(observable(wrong.result));
      // One scrypt either way: a token that is not valid is checked as a sign-in to an address no
      // account has, which hashes the password once (decision 033).
      expect(answer.verifications + answer.hashes).toBe(1);
      expect(sessionCookieFrom(answer.result)).toBe("");
    }
    const password = details.password;
    for (const payload of [
      {},
      { token },
      { password },
      { token: 42, password },
      { token: "", password },
      { token: "x".repeat(5000), password },
      { token, password: "" },
      { token, password: 42 },
      { token, password: "x".repeat(257) },
      { token, password, extra: true },
    ]) {
      const answer = await t.app.inject({ method: "POST", url: "/api/auth/confirm-email", headers: sameOrigin, payload, remoteAddress: nextTestIp() });
      expect(answer.statusCode).toBe(400);
      expect(sessionCookieFrom(answer)).toBe("");
    }
    // From another site, even the real token is refused before anything happens.
    const crossSite = await confirmSignUp(t.app, token, details.password, {
      headers: { ...sameOrigin, origin: "https://evil.example" },
      remoteAddress: nextTestIp(),
    });
    expect(crossSite.statusCode).toBe(403);
    expect(await emailVerifiedOf(details.email)).toBe(false);
  });

  it("wrong passwords on the link count against the address and the client as sign-in's do: no faster guessing here", async () => {
    const details = newPersonDetails();
    await postSignUp(details);
    const token = signUpLinkFor(t.mailer.sent, details.email)?.token ?? "";
    const ip = nextTestIp();
    for (let attempt = 0; attempt < signInThrottleRules.maxFailures; attempt += 1) {
      expect((await confirmSignUp(t.app, token, `wrong guess number ${attempt}`, { headers: sameOrigin, remoteAddress: ip })).statusCode).toBe(401);
    }
    // Even the right password now waits, here and at sign-in, and confirms nothing.
    const blocked = await confirmSignUp(t.app, token, details.password, { headers: sameOrigin, remoteAddress: ip });
    expect(blocked.statusCode).toBe(429);
    expect(sessionCookieFrom(blocked)).toBe("");
    expect(await emailVerifiedOf(details.email)).toBe(false);
    expect(
      (
        await t.app.inject({
          method: "POST",
          url: "/api/auth/sign-in/email",
          headers: sameOrigin,
          payload: { email: details.email, password: details.password },
          remoteAddress: ip,
        })
      ).statusCode,
    ).toBe(429);
    // From another place the right password still finishes the sign-up.
    expect((await confirmSignUp(t.app, token, details.password, { headers: sameOrigin, remoteAddress: nextTestIp() })).statusCode).toBe(200);
  });

  it("an expired link with the right password signs nobody in and confirms nothing, answered as a wrong password", async () => {
    const details = newPersonDetails();
    await postSignUp(details);
    const token = signUpLinkFor(t.mailer.sent, details.email)?.token ?? "";
    // A day and a minute later (the token's expiry is in its signed payload, checked against the system clock).
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(Date.now() + (24 * 60 + 1) * 60_000);
    try {
      const answer = await confirmSignUp(t.app, token, details.password, { headers: sameOrigin, remoteAddress: nextTestIp() });
      expect(answer.statusCode).toBe(401);
      expect(answer.json()).toMatchObject({ code: "CONFIRMATION_REFUSED" });
      expect(sessionCookieFrom(answer)).toBe("");
      expect(await emailVerifiedOf(details.email)).toBe(false);
    } finally {
      vi.useRealTimers();
    }
  });

  it("carries the page the person was going to: in the link for a new address, in the sign-in link for a taken one", async () => {
    const owner = await signUp(t.app);
    const next = "/partner/join#INVITE-CODE";
    const fresh = newPersonDetails();
    expect((await postSignUp({ ...fresh, callbackURL: next })).statusCode).toBe(200);
    expect(signUpLinkFor(t.mailer.sent, fresh.email)?.next).toBe(next);
    expect((await postSignUp({ ...newPersonDetails(), email: owner.email, callbackURL: next })).statusCode).toBe(200);
    await expect.poll(() => sentTo(owner.email).at(-1)?.subject).toBe(emailSubjects.existingAccount);
    expect(sentTo(owner.email).at(-1)?.text).toContain("http://localhost:3000/sign-in?next=%2Fpartner%2Fjoin#INVITE-CODE");
    // Another site is never a place to continue to, for either.
    const elsewhere = await postSignUp({ ...newPersonDetails(), callbackURL: "https://evil.example/" });
    const elsewhereTaken = await postSignUp({ ...newPersonDetails(), email: owner.email, callbackURL: "https://evil.example/" });
    expect(elsewhere.statusCode).toBe(403);
    expect(observable(elsewhereTaken)).toEqual(observable(elsewhere));
  });

  it("the right password for an unfinished sign-up answers exactly as a wrong password and an unknown address do, and emails a new link", async () => {
    const owner = await signUp(t.app);
    const started = newPersonDetails();
    await postSignUp(started);
    const linksBefore = sentTo(started.email).length;
    const unfinished = await workOf(() => signIn(t.app, started.email, started.password));
    const wrong = await workOf(() => signIn(t.app, owner.email, "not the password at all"));
    const unknown = await workOf(() => signIn(t.app, `nobody-${Date.now()}@example.test`, "not the password at all"));
    expect(unfinished.result.statusCode).toBe(401);
    expect(observable(unfinished.result)).toEqual(observable(wrong.result));
    expect(observable(unfinished.result)).toEqual(observable(unknown.result));
    // One scrypt each: a verification for an account, a hash for no account.
    for (const work of [unfinished, wrong, unknown]) expect(work.hashes + work.verifications).toBe(1);
    expect(sentTo(started.email)).toHaveLength(linksBefore + 1);
    const link = signUpLinkFor(t.mailer.sent, started.email);
    const confirmed = await confirmSignUp(t.app, link?.token ?? "", started.password, { headers: sameOrigin, remoteAddress: nextTestIp() });
    expect(confirmed.statusCode).toBe(200);
    expect(sessionCookieFrom(confirmed)).not.toBe("");
    expect((await signIn(t.app, started.email, started.password)).statusCode).toBe(200);
  });

  it("a password reset finishes a sign-up someone else started with your address, with your password and not theirs", async () => {
    const victim = newPersonDetails();
    await postSignUp({ ...victim, password: "the squatter's own passphrase", name: "Squatter" });
    await t.app.inject({
      method: "POST",
      url: "/api/auth/request-password-reset",
      headers: sameOrigin,
      payload: { email: victim.email },
      remoteAddress: nextTestIp(),
    });
    const resetMessage = sentTo(victim.email).find((message) => message.subject === emailSubjects.passwordReset);
    const token = decodeURIComponent(new URL(/https?:\/\/\S+/.exec(resetMessage?.text ?? "")?.[0] ?? "http://x/").hash.slice(1));
    const reset = await t.app.inject({
      method: "POST",
      url: "/api/auth/reset-password",
      headers: sameOrigin,
      payload: { token, newPassword: victim.password },
      remoteAddress: nextTestIp(),
    });
    expect(reset.statusCode).toBe(200);
    expect(await emailVerifiedOf(victim.email)).toBe(true);
    expect((await signIn(t.app, victim.email, "the squatter's own passphrase")).statusCode).toBe(401);
    expect((await signIn(t.app, victim.email, victim.password)).statusCode).toBe(200);
  });

  it("asking for the link again answers alike for any address, and sends one only to an unfinished sign-up", async () => {
    const owner = await signUp(t.app);
    const started = newPersonDetails();
    await postSignUp(started);
    const ask = (email: string) =>
      t.app.inject({
        method: "POST",
        url: "/api/auth/send-verification-email",
        headers: sameOrigin,
        payload: { email, callbackURL: "/partner/join#CODE" },
        remoteAddress: nextTestIp(),
      });
    const countBefore = { owner: sentTo(owner.email).length, started: sentTo(started.email).length };
    const answers = [await ask(started.email), await ask(owner.email), await ask(`nobody-${Date.now()}@example.test`)].map(observable);
    expect(answers[0]?.status).toBe(200);
    expect(answers[1]).toEqual(answers[0]);
    expect(answers[2]).toEqual(answers[0]);
    expect(sentTo(owner.email)).toHaveLength(countBefore.owner);
    expect(sentTo(started.email)).toHaveLength(countBefore.started + 1);
    expect(signUpLinkFor(t.mailer.sent, started.email)?.next).toBe("/partner/join#CODE");
  });

  it("a new link asked for in the week's last hours gives the sign-up a fresh week, and confirms after the week would have ended", async () => {
    const details = newPersonDetails();
    await postSignUp(details);
    await ageAccount(details.email, unfinishedSignUpKeepMs - 60 * 60_000);
    const before = sentTo(details.email).length;
    const asked = await t.app.inject({
      method: "POST",
      url: "/api/auth/send-verification-email",
      headers: sameOrigin,
      payload: { email: details.email, callbackURL: "/" },
      remoteAddress: nextTestIp(),
    });
    expect(asked.statusCode).toBe(200);
    await expect.poll(() => sentTo(details.email).length).toBe(before + 1);

    // Two hours on, the week from the sign-up is over; the week from the new link is not.
    const twoHoursOn = new Date(Date.now() + 2 * 60 * 60_000);
    const counts = await t.database.db.transaction().execute((trx) => sweepExpiredRows(trx, twoHoursOn));
    expect(counts.user).toBe(0);
    const confirmed = await confirmSignUp(t.app, signUpLinkFor(t.mailer.sent, details.email)?.token ?? "", details.password, {
      headers: sameOrigin,
      remoteAddress: nextTestIp(),
    });
    expect(confirmed.statusCode).toBe(200);
    expect(await emailVerifiedOf(details.email)).toBe(true);
  });

  it("a sign-up left unfinished for a week is deleted by the retention sweep: its link no longer confirms, and the address can sign up afresh", async () => {
    const details = newPersonDetails();
    await postSignUp(details);
    const staleLink = signUpLinkFor(t.mailer.sent, details.email);
    const youngerDetails = newPersonDetails();
    await postSignUp(youngerDetails);
    // Made, and its link sent, a week and a minute ago (Better Auth stamps accounts with the system clock, so the row is aged instead).
    await ageAccount(details.email, unfinishedSignUpKeepMs + 60_000);

    const counts = await t.database.db.transaction().execute((trx) => sweepExpiredRows(trx, new Date()));
    expect(counts.user).toBe(1);
    const stillThere = async (email: string) =>
      (await t.database.db.selectFrom("user").select("id").where("email", "=", email.toLowerCase()).executeTakeFirst()) !== undefined;
    expect(await stillThere(details.email)).toBe(false);
    expect(await stillThere(youngerDetails.email)).toBe(true);

    // The old link (still within its day) confirms nothing: there is no account left to confirm.
    const late = await confirmSignUp(t.app, staleLink?.token ?? "", details.password, { headers: sameOrigin, remoteAddress: nextTestIp() });
    expect(late.statusCode).toBe(401);
    expect(late.json()).toMatchObject({ code: "CONFIRMATION_REFUSED" });
    expect(sessionCookieFrom(late)).toBe("");

    // Signing up again is a new sign-up: a new link (not "someone tried"), and it works.
    const before = sentTo(details.email).length;
    expect((await postSignUp(details)).statusCode).toBe(200);
    await expect
      .poll(() =>
        sentTo(details.email)
          .slice(before)
          .map((message) => message.subject),
      )
      .toEqual([emailSubjects.confirm]);
    const fresh = await confirmSignUp(t.app, signUpLinkFor(t.mailer.sent, details.email)?.token ?? "", details.password, {
      headers: sameOrigin,
      remoteAddress: nextTestIp(),
    });
    expect(fresh.statusCode).toBe(200);
    expect(await emailVerifiedOf(details.email)).toBe(true);
  });

  it("writes the sign-up link in the language of the page that signed up, and later emails in the language the person chose", async () => {
    const details = newPersonDetails();
    const response = await t.app.inject({
      method: "POST",
      url: "/api/auth/sign-up/email",
      headers: { ...sameOrigin, "accept-language": "ta-SG,ta;q=0.9,en;q=0.5" },
      payload: details,
      remoteAddress: nextTestIp(),
    });
    expect(response.statusCode).toBe(200);
    const [link] = sentTo(details.email);
    expect(link?.subject).toBe("Mutual-க்கான உங்கள் மின்னஞ்சலை உறுதிசெய்யுங்கள்");
    expect(link?.language).toBe("ta");
    expect(link?.text).toContain("இந்த இணைப்பைத் திறந்து, நீங்கள் தேர்ந்தெடுத்த கடவுச்சொல்லை உள்ளிடுங்கள்:");
    expect(link?.text).toMatch(/^http:\/\/localhost:3000\/\S+$/m);

    // Once the person has chosen Malay, a reset asked for from an English page still comes in Malay.
    const person = await signUp(t.app);
    const chosen = await t.app.inject({
      method: "PUT",
      url: "/api/preferences/language",
      headers: { ...sameOrigin, cookie: person.cookie },
      payload: { language: "ms" },
    });
    expect(chosen.statusCode).toBe(200);
    await t.app.inject({
      method: "POST",
      url: "/api/auth/request-password-reset",
      headers: { ...sameOrigin, "accept-language": "en" },
      payload: { email: person.email },
      remoteAddress: nextTestIp(),
    });
    const reset = await vi.waitFor(() => {
      const found = sentTo(person.email).find((message) => message.language === "ms");
      if (!found) throw new Error("no Malay email yet");
      return found;
    });
    expect(reset.subject).toBe("Tetapkan kata laluan baharu untuk Mutual");
    expect(reset.text).toContain("Pautan ini boleh digunakan sekali sahaja, dalam masa sejam.");
  });
});
