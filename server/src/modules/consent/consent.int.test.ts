import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CONSENT_NOTICE_VERSION } from "@mutual/core";
import { buildTestApp, type TestApp } from "../../../test/build-test-app.js";
import { sameOrigin, signUp } from "../../../test/auth-helpers.js";
import { dialects } from "../../../test/test-databases.js";

describe.each(dialects)("[%s] consent", (dialect) => {
  let t: TestApp;
  const now = new Date(Math.floor(Date.now() / 1000) * 1000);
  beforeAll(async () => {
    t = await buildTestApp(dialect, { clock: { now: () => now } });
  });
  afterAll(async () => t.close());

  it("needs a session", async () => {
    expect((await t.app.inject({ method: "GET", url: "/api/consent" })).statusCode).toBe(401);
  });

  it("starts without consent and names the notice version in force", async () => {
    const person = await signUp(t.app);
    const response = await t.app.inject({ method: "GET", url: "/api/consent", headers: { cookie: person.cookie } });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ hasConsented: false, noticeVersion: CONSENT_NOTICE_VERSION, consentedAt: null });
  });

  it("records an explicit agreement with the notice version and the time", async () => {
    const person = await signUp(t.app);
    const given = await t.app.inject({
      method: "POST",
      url: "/api/consent",
      headers: { ...sameOrigin, cookie: person.cookie },
      payload: { noticeVersion: CONSENT_NOTICE_VERSION, agree: true },
    });
    expect(given.statusCode).toBe(200);
    expect(given.json()).toEqual({ hasConsented: true, noticeVersion: CONSENT_NOTICE_VERSION, consentedAt: now.toISOString() });
    const read = await t.app.inject({ method: "GET", url: "/api/consent", headers: { cookie: person.cookie } });
    expect(read.json()).toEqual(given.json());
    const rows = await t.database.db.selectFrom("consent").selectAll().execute();
    const mine = rows.filter((row) => row.notice_version === CONSENT_NOTICE_VERSION && Number(row.consented_at) === now.getTime());
    expect(mine.length).toBeGreaterThanOrEqual(1);
  });

  it("refuses anything but an explicit agreement, and an outdated notice", async () => {
    const person = await signUp(t.app);
    const headers = { ...sameOrigin, cookie: person.cookie };
    const notAgreed = await t.app.inject({ method: "POST", url: "/api/consent", headers, payload: { noticeVersion: CONSENT_NOTICE_VERSION, agree: false } });
    expect(notAgreed.statusCode).toBe(400);
    const extra = await t.app.inject({
      method: "POST",
      url: "/api/consent",
      headers,
      payload: { noticeVersion: CONSENT_NOTICE_VERSION, agree: true, scope: "all" },
    });
    expect(extra.statusCode).toBe(400);
    const outdated = await t.app.inject({ method: "POST", url: "/api/consent", headers, payload: { noticeVersion: "1999-01-01", agree: true } });
    expect(outdated.statusCode).toBe(409);
    expect(outdated.json().error.code).toBe("NOTICE_OUTDATED");
    const read = await t.app.inject({ method: "GET", url: "/api/consent", headers: { cookie: person.cookie } });
    expect(read.json().hasConsented).toBe(false);
  });
});
