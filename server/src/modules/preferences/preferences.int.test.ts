import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, type TestApp } from "../../../test/build-test-app.js";
import { sameOrigin, signUp } from "../../../test/auth-helpers.js";
import { dialects } from "../../../test/test-databases.js";

describe.each(dialects)("[%s] preferences", (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp(dialect);
  });
  afterAll(async () => t.close());

  const read = async (cookie: string) => t.app.inject({ method: "GET", url: "/api/preferences", headers: { cookie } });
  const put = async (cookie: string, payload: unknown) =>
    t.app.inject({ method: "PUT", url: "/api/preferences", headers: { ...sameOrigin, cookie }, payload: payload as object });

  it("needs a session", async () => {
    expect((await t.app.inject({ method: "GET", url: "/api/preferences" })).statusCode).toBe(401);
    expect((await t.app.inject({ method: "PUT", url: "/api/preferences", headers: sameOrigin, payload: { quickExitEndsSession: false } })).statusCode).toBe(
      401,
    );
  });

  it("quick exit signs the device out unless the person turns it off, and the choice is theirs alone", async () => {
    const sam = await signUp(t.app);
    const ana = await signUp(t.app);
    expect((await read(sam.cookie)).json()).toEqual({ quickExitEndsSession: true });
    const changed = await put(sam.cookie, { quickExitEndsSession: false });
    expect(changed.statusCode).toBe(200);
    expect(changed.json()).toEqual({ quickExitEndsSession: false });
    expect((await read(sam.cookie)).json()).toEqual({ quickExitEndsSession: false });
    expect((await read(ana.cookie)).json()).toEqual({ quickExitEndsSession: true });
    expect((await put(sam.cookie, { quickExitEndsSession: true })).json()).toEqual({ quickExitEndsSession: true });
    const exported = await t.app.inject({ method: "GET", url: "/api/export", headers: { cookie: sam.cookie } });
    expect(exported.json().preferences).toEqual({ quickExitEndsSession: true });
  });

  it("refuses a malformed choice with 400 and changes nothing", async () => {
    const sam = await signUp(t.app);
    await put(sam.cookie, { quickExitEndsSession: false });
    for (const payload of [{}, { quickExitEndsSession: "no" }, { quickExitEndsSession: false, userId: "someone-else" }, [false]]) {
      const answer = await put(sam.cookie, payload);
      expect(answer.statusCode, JSON.stringify(payload)).toBe(400);
    }
    expect((await read(sam.cookie)).json()).toEqual({ quickExitEndsSession: false });
  });
});
