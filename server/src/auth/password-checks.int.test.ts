// Every endpoint that checks a password or a token is throttled per account and client address,
// without locking the owner out from elsewhere, and deleting an account needs the password (and,
// with two-step sign-in on, a current code): decision 033, issue 15 findings 5 and 6.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, type TestApp } from "../../test/build-test-app.js";
import { getMe, newPersonDetails, nextTestIp, sameOrigin, signIn, signUp, type TestPerson } from "../../test/auth-helpers.js";
import { enrolTwoFactor } from "../../test/practice-helpers.js";
import { confirmSignUp, signUpLinkFor } from "../../test/sign-up-through-email.js";
import { dialects } from "../../test/test-databases.js";

describe.each(dialects)("[%s] password and token checks", (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp(dialect);
  });
  afterAll(async () => t.close());

  const post = (person: TestPerson, url: string, payload: object, ip: string) =>
    t.app.inject({ method: "POST", url, headers: { ...sameOrigin, cookie: person.cookie }, payload, remoteAddress: ip });
  const isPresent = async (person: TestPerson) =>
    (await t.database.db.selectFrom("user").select("id").where("email", "=", person.email).execute()).length === 1;

  it("counts wrong passwords on every signed-in endpoint in the account's throttle: the guessing address is stopped, the owner elsewhere is not", async () => {
    const person = await signUp(t.app);
    const guesser = nextTestIp();
    // Five guesses spread over the endpoints that check the password of whoever holds the session.
    const guesses: Array<[string, object]> = [
      ["/api/auth/change-password", { currentPassword: "guess one is wrong", newPassword: "a new passphrase for me" }],
      ["/api/auth/two-factor/enable", { password: "guess two is wrong" }],
      ["/api/auth/delete-user", { password: "guess three is wrong" }],
      ["/api/auth/change-password", { currentPassword: "guess four is wrong", newPassword: "a new passphrase for me" }],
      ["/api/auth/two-factor/enable", { password: "guess five is wrong" }],
    ];
    for (const [url, payload] of guesses) expect((await post(person, url, payload, guesser)).statusCode, url).toBe(400);
    // From that address, even the right password is refused now, on these endpoints and at sign-in.
    const refused = await post(person, "/api/auth/two-factor/enable", { password: person.password }, guesser);
    expect(refused.statusCode).toBe(429);
    expect(refused.json()).toMatchObject({ code: "SIGN_IN_THROTTLED" });
    expect((await signIn(t.app, person.email, person.password, { ip: guesser })).statusCode).toBe(429);
    expect((await post(person, "/api/auth/delete-user", { password: person.password }, guesser)).statusCode).toBe(429);
    expect(await isPresent(person)).toBe(true);
    // The owner, from another address, is not locked out.
    const home = nextTestIp();
    expect((await signIn(t.app, person.email, person.password, { ip: home })).statusCode).toBe(200);
    expect(
      (await post(person, "/api/auth/change-password", { currentPassword: person.password, newPassword: "a new passphrase for me" }, home)).statusCode,
    ).toBe(200);
  });

  it("a wrong sign-in and a wrong password on a signed-in endpoint count together", async () => {
    const person = await signUp(t.app);
    const guesser = nextTestIp();
    for (let attempt = 0; attempt < 3; attempt += 1)
      expect((await signIn(t.app, person.email, `wrong sign-in ${attempt}`, { ip: guesser })).statusCode).toBe(401);
    for (let attempt = 0; attempt < 2; attempt += 1)
      expect((await post(person, "/api/auth/two-factor/enable", { password: `wrong ${attempt}` }, guesser)).statusCode).toBe(400);
    expect((await signIn(t.app, person.email, person.password, { ip: guesser })).statusCode).toBe(429);
  });

  it("refuses to delete an account without the password, even from a session just made, and deletes it with the right one", async () => {
    const person = await signUp(t.app);
    for (const payload of [{}, { password: "" }, { password: null }, { callbackURL: "/" }, { token: "x" }]) {
      const response = await post(person, "/api/auth/delete-user", payload, person.ip);
      expect(response.statusCode, JSON.stringify(payload)).toBe(400);
      expect(await isPresent(person)).toBe(true);
    }
    expect((await getMe(t.app, person.cookie)).statusCode).toBe(200);
    const deleted = await post(person, "/api/auth/delete-user", { password: person.password }, nextTestIp());
    expect(deleted.statusCode).toBe(200);
    expect(await isPresent(person)).toBe(false);
  });

  it("with two-step sign-in on, deleting needs a current code as well; wrong codes count in the throttle", async () => {
    const person = await signUp(t.app);
    const { totp } = await enrolTwoFactor(t.app, person);
    const from = nextTestIp();
    const noCode = await post(person, "/api/auth/delete-user", { password: person.password }, from);
    expect(noCode.statusCode).toBe(400);
    expect(noCode.json()).toMatchObject({ code: "TWO_FACTOR_CODE_REQUIRED" });
    const current = totp.generate();
    const wrongCode = current === "000000" ? "111111" : "000000";
    const wrong = await post(person, "/api/auth/delete-user", { password: person.password, code: wrongCode }, from);
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json()).toMatchObject({ code: "INVALID_TWO_FACTOR_CODE" });
    expect(await isPresent(person)).toBe(true);
    // The right code does not make up for a wrong password.
    expect((await post(person, "/api/auth/delete-user", { password: "not my password at all", code: totp.generate() }, nextTestIp())).statusCode).toBe(400);
    expect(await isPresent(person)).toBe(true);
    // Four more wrong codes from the same address: five failures, and that address is stopped.
    for (let attempt = 0; attempt < 4; attempt += 1) await post(person, "/api/auth/delete-user", { password: person.password, code: wrongCode }, from);
    expect((await post(person, "/api/auth/delete-user", { password: person.password, code: totp.generate() }, from)).statusCode).toBe(429);
    expect(await isPresent(person)).toBe(true);
    const deleted = await post(person, "/api/auth/delete-user", { password: person.password, code: totp.generate() }, nextTestIp());
    expect(deleted.statusCode).toBe(200);
    expect(await isPresent(person)).toBe(false);
  });

  it("throttles guessed confirmation tokens per client address, and a real link from elsewhere still works", async () => {
    const guesser = nextTestIp();
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 7; attempt += 1) {
      const response = await confirmSignUp(t.app, `bogus.token.${attempt}`, "any password at all", { headers: sameOrigin, remoteAddress: guesser });
      statuses.push(response.statusCode);
    }
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429, 429]);
    const details = newPersonDetails();
    await t.app.inject({ method: "POST", url: "/api/auth/sign-up/email", headers: sameOrigin, payload: details, remoteAddress: nextTestIp() });
    const link = signUpLinkFor(t.mailer.sent, details.email);
    const confirmed = await confirmSignUp(t.app, link?.token ?? "", details.password, { headers: sameOrigin, remoteAddress: nextTestIp() });
    expect(confirmed.statusCode).toBe(200);
  });
});
