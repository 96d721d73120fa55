import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, type TestApp } from "../../test/build-test-app.js";
import { sameOrigin, signUp, type TestPerson } from "../../test/auth-helpers.js";
import { giveConsentVia } from "../../test/assessment-helpers.js";
import { dialects } from "../../test/test-databases.js";

// What is acknowledged is what is kept (issue 14): text the server would change on its way in
// (a lone surrogate, bytes that are not UTF-8, another charset) is refused with 400 and nothing
// is stored; well-formed text in any script comes back exactly as sent.

describe.each(dialects)("[%s] request bodies the server would otherwise change", (dialect) => {
  let t: TestApp;
  let person: TestPerson;
  beforeAll(async () => {
    t = await buildTestApp(dialect);
    person = await signUp(t.app);
    await giveConsentVia(t.app, person.cookie);
  });
  afterAll(async () => t.close());

  const putRaw = (payload: string | Buffer, contentType = "application/json") =>
    t.app.inject({ method: "PUT", url: "/api/check-ins/current", headers: { ...sameOrigin, "content-type": contentType, cookie: person.cookie }, payload });
  const storedNote = async () => {
    const response = await t.app.inject({ method: "GET", url: "/api/check-ins/current?timeZone=UTC", headers: { cookie: person.cookie } });
    return (response.json() as { checkIn: { note: string | null } | null }).checkIn?.note ?? null;
  };

  it("refuses a lone surrogate with 400 and stores nothing", async () => {
    const response = await putRaw('{"timeZone":"UTC","answers":{"note":"half a pair \\ud800 here"}}');
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ error: { code: "INVALID_TEXT" } });
    expect(await storedNote()).toBeNull();
  });

  it("refuses bytes that are not UTF-8, and a body declared in another charset", async () => {
    const latin1 = Buffer.concat([Buffer.from('{"timeZone":"UTC","answers":{"note":"caf'), Buffer.from([0xe9]), Buffer.from('"}}')]);
    const invalid = await putRaw(latin1);
    expect([invalid.statusCode, (invalid.json() as { error: { code: string } }).error.code]).toEqual([400, "INVALID_UTF8"]);
    const declared = await putRaw(Buffer.from('{"timeZone":"UTC","answers":{"note":"plain"}}', "latin1"), "application/json; charset=iso-8859-1");
    expect([declared.statusCode, (declared.json() as { error: { code: string } }).error.code]).toEqual([400, "UNSUPPORTED_CHARSET"]);
    expect(await storedNote()).toBeNull();
  });

  it("keeps well-formed text in every script exactly as sent, surrogate pairs included", async () => {
    const note = "நாங்கள் பேசினோம் · 我们谈过了 · Kami berbual 😀 🫶🏽";
    const response = await putRaw(JSON.stringify({ timeZone: "UTC", answers: { note } }), "application/json; charset=UTF-8");
    expect(response.statusCode).toBe(200);
    expect(await storedNote()).toBe(note);
  });

  it("answers JSON nested 30,000 deep with 400 on our routes and on Better Auth's", async () => {
    const deep = `${"[".repeat(30_000)}${"]".repeat(30_000)}`;
    for (const url of ["/api/check-ins/current", "/api/auth/sign-in/email"]) {
      const response = await t.app.inject({
        method: url.includes("auth") ? "POST" : "PUT",
        url,
        headers: { ...sameOrigin, cookie: person.cookie },
        payload: `{"a":${deep}}`,
      });
      expect({ url, status: response.statusCode }).toEqual({ url, status: 400 });
    }
  });
});
