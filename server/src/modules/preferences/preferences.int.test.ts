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
    expect((await read(sam.cookie)).json()).toEqual({ quickExitEndsSession: true, language: null });
    const changed = await put(sam.cookie, { quickExitEndsSession: false, language: null });
    expect(changed.statusCode).toBe(200);
    expect(changed.json()).toEqual({ quickExitEndsSession: false, language: null });
    expect((await read(sam.cookie)).json()).toEqual({ quickExitEndsSession: false, language: null });
    expect((await read(ana.cookie)).json()).toEqual({ quickExitEndsSession: true, language: null });
    expect((await put(sam.cookie, { quickExitEndsSession: true, language: null })).json()).toEqual({ quickExitEndsSession: true, language: null });
    const exported = await t.app.inject({ method: "GET", url: "/api/export", headers: { cookie: sam.cookie } });
    expect(exported.json().preferences).toEqual({ quickExitEndsSession: true, language: null });
  });

  const putLanguage = async (cookie: string, payload: unknown) =>
    t.app.inject({ method: "PUT", url: "/api/preferences/language", headers: { ...sameOrigin, cookie }, payload: payload as object });

  it("keeps the language a person chose, theirs alone, through a change of the other settings and into their export", async () => {
    expect((await t.app.inject({ method: "PUT", url: "/api/preferences/language", headers: sameOrigin, payload: { language: "ta" } })).statusCode).toBe(401);
    const sam = await signUp(t.app);
    const ana = await signUp(t.app);
    const chosen = await putLanguage(sam.cookie, { language: "ta" });
    expect(chosen.statusCode).toBe(200);
    expect(chosen.json()).toEqual({ quickExitEndsSession: true, language: "ta" });
    expect((await put(sam.cookie, { quickExitEndsSession: false })).json()).toEqual({ quickExitEndsSession: false, language: "ta" });
    expect((await putLanguage(sam.cookie, { language: "zh-Hans" })).json()).toEqual({ quickExitEndsSession: false, language: "zh-Hans" });
    expect((await read(sam.cookie)).json()).toEqual({ quickExitEndsSession: false, language: "zh-Hans" });
    expect((await read(ana.cookie)).json()).toEqual({ quickExitEndsSession: true, language: null });
    // The whole set, as the account page may send it back, can name the language too.
    expect((await put(sam.cookie, { quickExitEndsSession: true, language: "ms" })).json()).toEqual({ quickExitEndsSession: true, language: "ms" });
    const exported = await t.app.inject({ method: "GET", url: "/api/export", headers: { cookie: sam.cookie } });
    expect(exported.json().preferences).toEqual({ quickExitEndsSession: true, language: "ms" });
  });

  it("takes only Mutual's four languages, and refuses anything else with 400, changing nothing", async () => {
    const sam = await signUp(t.app);
    await putLanguage(sam.cookie, { language: "ms" });
    for (const payload of [{}, { language: "fr" }, { language: "zh" }, { language: "ZH-HANS" }, { language: null }, { language: "ta", userId: "x" }, ["ta"]]) {
      expect((await putLanguage(sam.cookie, payload)).statusCode, JSON.stringify(payload)).toBe(400);
    }
    expect((await put(sam.cookie, { quickExitEndsSession: true, language: "de" })).statusCode).toBe(400);
    expect((await read(sam.cookie)).json()).toEqual({ quickExitEndsSession: true, language: "ms" });
  });

  it("refuses a malformed choice with 400 and changes nothing", async () => {
    const sam = await signUp(t.app);
    await put(sam.cookie, { quickExitEndsSession: false, language: null });
    for (const payload of [{}, { quickExitEndsSession: "no" }, { quickExitEndsSession: false, userId: "someone-else" }, [false]]) {
      const answer = await put(sam.cookie, payload);
      expect(answer.statusCode, JSON.stringify(payload)).toBe(400);
    }
    expect((await read(sam.cookie)).json()).toEqual({ quickExitEndsSession: false, language: null });
  });
});
