// npm run demo must keep working as the API grows: seed twice (the second run resets) and read the story back.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_EMAIL, DEMO_PARTNER_EMAIL, DEMO_PASSPHRASE, refuseIfOtherPeoplePresent, seedDemoPerson } from "../../scripts/demo-seed.js";
import { buildTestApp, testPublicUrl, type TestApp } from "./build-test-app.js";
import { sessionCookieFrom, signIn, signUp } from "./auth-helpers.js";
import { dialects } from "./test-databases.js";

describe.each(dialects)("[%s] demo seed", (dialect) => {
  let t: TestApp;
  let now = Date.now();
  beforeAll(async () => {
    t = await buildTestApp(dialect, { clock: { now: () => new Date(now) } });
  });
  afterAll(async () => t.close());

  it("seeds two profiles with a real change, twelve weekly check-ins and practised exercises, and resets on a second run", async () => {
    const options = { publicUrl: testPublicUrl, sentEmails: t.mailer.sent, setNow: (ms: number) => void (now = ms), timeZone: "Asia/Singapore" };
    await seedDemoPerson(t.app, options);
    await seedDemoPerson(t.app, options);
    expect(await t.database.db.selectFrom("user").select("id").where("email", "=", DEMO_EMAIL).execute()).toHaveLength(1);

    const cookie = sessionCookieFrom(await signIn(t.app, DEMO_EMAIL, DEMO_PASSPHRASE));
    const get = async (url: string) => (await t.app.inject({ method: "GET", url, headers: { cookie } })).json();
    expect(await get("/api/assessments/current")).toMatchObject({ inProgress: null, completedCount: 2 });
    const { change } = await get("/api/profile/change");
    const voice = change.dimensions.find((entry: { key: string }) => entry.key === "VOICE");
    expect(voice.classification).toBe("improved");
    const profile = (await get("/api/profile")).profile;
    expect(profile.pattern.code).toBe("interdependent");
    const checkIns = await get("/api/check-ins");
    expect(checkIns.weeks).toHaveLength(12);
    const exported = await get("/api/export");
    expect(exported.exerciseCompletions).toHaveLength(4);
    expect(exported.checkIns.filter((entry: { note: string | null }) => entry.note !== null).length).toBeGreaterThan(0);

    // The partner is linked, both share their scores: the report is ready, and the partner's look at it is on record.
    expect(await t.database.db.selectFrom("user").select("id").where("email", "=", DEMO_PARTNER_EMAIL).execute()).toHaveLength(1);
    const report = await get("/api/couple/report");
    expect(report).toMatchObject({ isReady: true, partner: { name: "Sam (demo)" } });
    expect(report.map.partners).not.toBeNull();
    const views = await get("/api/data-views");
    expect(views.views.map((view: { viewer: { name: string }; scope: string }) => `${view.viewer.name}: ${view.scope}`).sort()).toEqual([
      "Sam (demo): dimensions",
      "Sam (demo): overview",
    ]);
    const partnerCheckIns = await get("/api/couple/partner/check-ins");
    expect(partnerCheckIns.weeks).toHaveLength(3);
    expect(JSON.stringify(partnerCheckIns)).not.toContain("Saturday mornings");
  });

  it("refuses to seed a database where other people have accounts, unless forced", async () => {
    await expect(refuseIfOtherPeoplePresent(t.database.db, { force: false })).resolves.toBeUndefined();
    await signUp(t.app);
    await expect(refuseIfOtherPeoplePresent(t.database.db, { force: false })).rejects.toThrow(/other account/);
    await expect(refuseIfOtherPeoplePresent(t.database.db, { force: true })).resolves.toBeUndefined();
  });
});
