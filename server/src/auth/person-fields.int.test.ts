// A person's name reaches Better Auth through sign-up and update-user, which took any JSON type,
// any length, an image field and a NUL character (a 500 on SQLite or PostgreSQL). Each is now a
// 400 that changes nothing; a good name still saves.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, type TestApp } from "../../test/build-test-app.js";
import { getMe, newPersonDetails, nextTestIp, sameOrigin, signUp, type TestPerson } from "../../test/auth-helpers.js";
import { dialects } from "../../test/test-databases.js";

describe.each(dialects)("[%s] names at sign-up and update-user", (dialect) => {
  let t: TestApp;
  let person: TestPerson;
  const updateUser = (payload: unknown) =>
    t.app.inject({ method: "POST", url: "/api/auth/update-user", headers: { ...sameOrigin, cookie: person.cookie }, payload: JSON.stringify(payload) });
  const nameNow = async () => (await getMe(t.app, person.cookie)).json<{ user: { name: string } }>().user.name;

  beforeAll(async () => {
    t = await buildTestApp(dialect);
    person = await signUp(t.app);
  });
  afterAll(async () => t.close());

  it("refuses a name of the wrong type, length or shape, an image, and a NUL character, with a 400 that changes nothing", async () => {
    const before = await nameNow();
    for (const payload of [
      { name: null },
      { name: {} },
      { name: [] },
      { name: 5 },
      { name: true },
      { name: "" },
      { name: "x".repeat(81) },
      { name: "a\u0000b" },
      { name: "two\nlines" },
      { name: "Ana", image: {} },
      { image: [1] },
    ]) {
      const response = await updateUser(payload);
      expect(response.statusCode, JSON.stringify(payload)).toBe(400);
    }
    expect(await nameNow()).toBe(before);
    expect((await updateUser({ name: "Ana Lima" })).statusCode).toBe(200);
    expect(await nameNow()).toBe("Ana Lima");
  });

  it("refuses a sign-up whose name is not a one-line text of up to 80 characters, and makes no account", async () => {
    for (const name of [null, 7, "", "x".repeat(81), "a\u0000b"]) {
      const details = newPersonDetails();
      const response = await t.app.inject({
        method: "POST",
        url: "/api/auth/sign-up/email",
        headers: sameOrigin,
        payload: JSON.stringify({ ...details, name }),
        remoteAddress: nextTestIp(),
      });
      expect(response.statusCode, String(name)).toBe(400);
      const account = await t.database.db.selectFrom("user").select("id").where("email", "=", details.email).executeTakeFirst();
      expect(account).toBeUndefined();
    }
  });
});
