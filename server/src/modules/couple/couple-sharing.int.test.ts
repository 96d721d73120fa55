// Sharing as partners meet it: nothing until chosen, revocation effective on the very next
// request, a report built only from what each shares, no private answer or note ever in a
// partner's response, and an audit row for every view in the owner's "who viewed my data".
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  INTERDEPENDENCE_PROFILE_V1,
  compareCouple,
  pickSharedScores,
  scoreProfile,
  screenSafety,
  type CoupleReportResponse,
  type ProfileShareChoice,
} from "@mutual/core";
import { buildTestApp, type TestApp } from "../../../test/build-test-app.js";
import { sameOrigin, signUp, type TestPerson } from "../../../test/auth-helpers.js";
import { completeProfileVia, fullAnswers } from "../../../test/assessment-helpers.js";
import { linkCouple, setShares, unlink } from "../../../test/couple-helpers.js";
import { dialects } from "../../../test/test-databases.js";

const anaNote = "the kettle song at dawn";
const anaReflection = "drafting it first calmed my hands";
const benNote = "walked the long way past the orchard";
const benReflection = "the small ask went better than planned";
const exerciseId = "speak-up-draft-it-first";

// Ana's private safety answers raise a concern; Ben's do not. Other answers differ between them.
const anaAnswers = fullAnswers((itemId, isSafe) => (isSafe ? 7 : (itemId.length % 7) + 1));
const benAnswers = fullAnswers((itemId, isSafe) => (isSafe ? (itemId === "safe-4" ? 7 : 1) : ((itemId.length * 3) % 7) + 1));

const allDimensions: ProfileShareChoice = { dimensions: ["CLOSE", "SUPPORT", "ACCEPT", "VOICE", "SELF", "TIES", "RELY"], subscales: true };

describe.each(dialects)("[%s] partner sharing", (dialect) => {
  let t: TestApp;
  let now = Date.now();
  let ana: TestPerson;
  let ben: TestPerson;
  const get = (who: TestPerson, url: string) => t.app.inject({ method: "GET", url, headers: { cookie: who.cookie } });

  async function addPrivateWords(who: TestPerson, note: string, reflection: string): Promise<void> {
    const checkIn = await t.app.inject({
      method: "PUT",
      url: "/api/check-ins/current",
      headers: { ...sameOrigin, cookie: who.cookie },
      payload: { timeZone: "Asia/Singapore", answers: { spokeUp: 3, feltHeard: 2, wePulse: 5, friendsFamilyHours: 4, note } },
    });
    expect(checkIn.statusCode).toBe(200);
    const completion = await t.app.inject({
      method: "POST",
      url: `/api/exercises/${exerciseId}/completions`,
      headers: { ...sameOrigin, cookie: who.cookie },
      payload: { reflection },
    });
    expect(completion.statusCode).toBeLessThan(300);
  }

  /** Everything a partner must never receive, searched in a serialized body. */
  function expectNothingPrivate(body: string, owner: "ana" | "ben"): void {
    const [note, reflection] = owner === "ana" ? [anaNote, anaReflection] : [benNote, benReflection];
    expect(body).not.toContain(note);
    expect(body).not.toContain(reflection);
    expect(body).not.toMatch(/safe-\d/);
    expect(body).not.toContain("hasNote");
    expect(body).not.toContain("hasReflection");
    expect(body).not.toContain('"safety"');
  }

  beforeAll(async () => {
    t = await buildTestApp(dialect, { clock: { now: () => new Date(now) } });
    [ana, ben] = await Promise.all([signUp(t.app), signUp(t.app)]);
    await completeProfileVia(t.app, ana.cookie, anaAnswers);
    await completeProfileVia(t.app, ben.cookie, benAnswers);
    await addPrivateWords(ana, anaNote, anaReflection);
    await addPrivateWords(ben, benNote, benReflection);
    await linkCouple(t.app, ana, ben);
  });
  afterAll(async () => t.close());

  it("shares nothing until chosen", async () => {
    expect((await get(ana, "/api/couple/partner/check-ins")).json()).toMatchObject({ error: { code: "NOT_SHARED" } });
    expect((await get(ana, "/api/couple/partner/exercises")).statusCode).toBe(403);
    const report = await get(ana, "/api/couple/report");
    expect(report.statusCode).toBe(200);
    const body = report.json<CoupleReportResponse>();
    expect(body).toMatchObject({
      partner: { name: ben.name },
      isReady: false,
      shared: { mine: [], partners: [] },
      map: { mine: null, partners: null },
      flags: [],
    });
    expect(body.missing).toEqual({ myShare: true, partnerShare: true, myProfile: false, partnerProfile: false });
    expect(body.dimensions.every((entry) => entry.mine === null && entry.partners === null && entry.difference === null)).toBe(true);
    expectNothingPrivate(report.body, "ben");
    expect((await get(ben, "/api/data-views")).json()).toEqual({ views: [], nextBefore: null });
  });

  it("shows what is shared, and a revocation is refused on the very next request", async () => {
    expect((await setShares(t.app, ben, ["check-in-trends", "exercises"])).json()).toMatchObject({ couple: { myScopes: ["check-in-trends", "exercises"] } });
    expect((await t.app.inject({ method: "GET", url: "/api/couple", headers: { cookie: ana.cookie } })).json()).toMatchObject({
      couple: { partnerScopes: ["check-in-trends", "exercises"], myScopes: [] },
    });

    const checkIns = await get(ana, "/api/couple/partner/check-ins");
    expect(checkIns.statusCode).toBe(200);
    const checkInBody = checkIns.json();
    expect(checkInBody.partner).toEqual({ name: ben.name });
    expect(checkInBody.weeks).toHaveLength(1);
    expect(Object.keys(checkInBody.weeks[0]).sort()).toEqual(["answers", "week"]);
    expect(checkInBody.weeks[0].answers).toMatchObject({ spokeUp: 3, feltHeard: 2, wePulse: 5, friendsFamilyHours: 4, backedPartner: null });
    expect(Object.keys(checkInBody.weeks[0].answers)).not.toContain("note");
    expectNothingPrivate(checkIns.body, "ben");

    const exercises = await get(ana, "/api/couple/partner/exercises");
    expect(exercises.statusCode).toBe(200);
    expect(exercises.json().completed).toEqual([{ exerciseId, title: expect.any(String), practice: "speak-up", completedAt: expect.any(String) }]);
    expectNothingPrivate(exercises.body, "ben");

    expect((await setShares(t.app, ben, ["exercises"])).statusCode).toBe(200);
    expect((await get(ana, "/api/couple/partner/check-ins")).statusCode).toBe(403);
    expect((await get(ana, "/api/couple/partner/exercises")).statusCode).toBe(200);
    expect((await setShares(t.app, ben, [])).statusCode).toBe(200);
    const refused = await get(ana, "/api/couple/partner/exercises");
    expect(refused.statusCode).toBe(403);
    expectNothingPrivate(refused.body, "ben");
    // Sharing is one-way: Ana sharing does not open Ben's data to her, nor hers to herself via the partner routes.
    expect((await setShares(t.app, ana, ["check-in-trends"])).statusCode).toBe(200);
    expect((await get(ana, "/api/couple/partner/check-ins")).statusCode).toBe(403);
    const benSees = await get(ben, "/api/couple/partner/check-ins");
    expect(benSees.statusCode).toBe(200);
    expectNothingPrivate(benSees.body, "ana");
    expect((await setShares(t.app, ana, [])).statusCode).toBe(200);
  });

  it("builds the report only from what each shares, with the same numbers for both and compareCouple's flags", async () => {
    expect((await setShares(t.app, ana, ["overview", "dimensions"])).statusCode).toBe(200);
    expect((await setShares(t.app, ben, ["overview"])).statusCode).toBe(200);
    const instrument = INTERDEPENDENCE_PROFILE_V1;
    const anaProfile = scoreProfile(instrument, anaAnswers);
    const benProfile = scoreProfile(instrument, benAnswers);
    const anaShared = pickSharedScores(anaProfile, { ...allDimensions, axes: true });
    const benShared = pickSharedScores(benProfile, { axes: true });

    const anaView = (await get(ana, "/api/couple/report")).json<CoupleReportResponse>();
    const expected = compareCouple(anaShared, benShared, { viewerSafety: screenSafety(instrument, anaAnswers), labels: { a: ana.name, b: ben.name } });
    expect(anaView.isReady).toBe(true);
    expect(anaView.shared).toEqual({ mine: ["overview", "dimensions"], partners: ["overview"] });
    expect(anaView.dimensions.map((entry) => [entry.code, entry.mine, entry.partners, entry.difference, entry.isDifferentExperience])).toEqual(
      expected.dimensions.map((entry) => [entry.key, entry.a ?? null, entry.b ?? null, entry.difference ?? null, entry.isDifferentExperience]),
    );
    // Ben shared no dimensions: none of his appear, only his We and Me.
    for (const entry of anaView.dimensions) {
      if (entry.code === "WE" || entry.code === "ME") expect(entry.partners).toEqual(entry.code === "WE" ? benShared.we : benShared.me);
      else expect(entry.partners).toBeNull();
    }
    expect(anaView.dimensions.find((entry) => entry.code === "CLOSE")).toMatchObject({ name: "Closeness" });
    expect(anaView.map.partners).toMatchObject({ we: benShared.we, me: benShared.me });
    expect(anaView.map.mine).toMatchObject({ we: anaShared.we, me: anaShared.me });
    expect(anaView.crossPerception).toEqual({ iBackPartner: null, partnerBacksMe: null });
    expect(anaView.flags.map((flag) => [flag.id, flag.counselling])).toEqual(expected.flags.map((flag) => [flag.id, flag.counselling]));
    expect(anaView.thresholds).toEqual({ differentExperience: 20, voiceGap: 25, bothLowClose: 40, crossPerceptionGap: 20 });
    expectNothingPrivate(JSON.stringify(anaView), "ben");

    // Ben sees the same numbers from his side, with flags shaped by his own screen only.
    const benView = (await get(ben, "/api/couple/report")).json<CoupleReportResponse>();
    const benExpected = compareCouple(benShared, anaShared, { viewerSafety: screenSafety(instrument, benAnswers), labels: { a: ben.name, b: ana.name } });
    expect(benView.dimensions.map((entry) => [entry.code, entry.mine, entry.partners])).toEqual(
      anaView.dimensions.map((entry) => [entry.code, entry.partners, entry.mine]),
    );
    expect(benView.flags.map((flag) => [flag.id, flag.counselling])).toEqual(benExpected.flags.map((flag) => [flag.id, flag.counselling]));
    expectNothingPrivate(JSON.stringify(benView), "ana");

    // Both sharing dimensions: cross-perception appears, computed from the shared sub-scales.
    expect((await setShares(t.app, ben, ["overview", "dimensions"])).statusCode).toBe(200);
    const full = (await get(ana, "/api/couple/report")).json<CoupleReportResponse>();
    const fullExpected = compareCouple(anaShared, pickSharedScores(benProfile, { ...allDimensions, axes: true }), {
      viewerSafety: screenSafety(instrument, anaAnswers),
    });
    expect(full.crossPerception.iBackPartner).toEqual(fullExpected.crossPerception.aBacksB ?? null);
    expect(full.crossPerception.partnerBacksMe).toEqual(fullExpected.crossPerception.bBacksA ?? null);
    expect(full.dimensions.map((entry) => entry.difference)).toEqual(fullExpected.dimensions.map((entry) => entry.difference ?? null));
    expectNothingPrivate(JSON.stringify(full), "ben");
    // Both feel distant: the couple flag fires for both. Ana's own private screen turns the
    // suggestion individual in her view only; Ben's view does not reveal her screen.
    const anaIntimacy = full.flags.find((flag) => flag.id === "couple-low-intimacy");
    expect(anaIntimacy).toMatchObject({ counselling: "individual", title: expect.any(String) });
    // Nor do the words point her to joint counselling: no couple flag's explanation gives counselling advice.
    for (const flag of full.flags) expect(flag.explanation).not.toMatch(/relationship counsell|couples? (counsell|therap)|counsell/i);
    const benFull = (await get(ben, "/api/couple/report")).json<CoupleReportResponse>();
    expect(benFull.flags.find((flag) => flag.id === "couple-low-intimacy")).toMatchObject({ counselling: "relationship" });
    expect(benFull.dimensions.map((entry) => entry.difference)).toEqual(
      full.dimensions.map((entry) => (entry.difference === null ? null : 0 - entry.difference || 0)),
    );

    // My side counts only if I share it: Ana stops sharing, and her numbers leave both views.
    expect((await setShares(t.app, ana, [])).statusCode).toBe(200);
    const withoutMine = (await get(ben, "/api/couple/report")).json<CoupleReportResponse>();
    expect(withoutMine.isReady).toBe(false);
    expect(withoutMine.dimensions.every((entry) => entry.partners === null)).toBe(true);
    expect(withoutMine.map.partners).toBeNull();
    expect((await get(ana, "/api/couple/report")).json<CoupleReportResponse>().dimensions.every((entry) => entry.mine === null)).toBe(true);
  });

  it("a viewer who shares nothing gets none of the partner's numbers, and the partner's who-viewed gains nothing", async () => {
    expect((await setShares(t.app, ben, ["overview", "dimensions"])).statusCode).toBe(200);
    expect((await setShares(t.app, ana, ["check-in-trends"])).statusCode).toBe(200); // no profile scope
    const viewsBefore = (await get(ben, "/api/data-views")).json().views.length;
    const auditBefore = (await t.database.db.selectFrom("data_view").select("id").execute()).length;

    const response = await get(ana, "/api/couple/report");
    expect(response.statusCode).toBe(200);
    const report = response.json<CoupleReportResponse>();
    expect(report).toMatchObject({ isReady: false, shared: { mine: ["check-in-trends"], partners: ["overview", "dimensions"] }, map: { partners: null } });
    expect(report.missing).toEqual({ myShare: true, partnerShare: false, myProfile: false, partnerProfile: false });
    expect(report.dimensions.every((entry) => entry.partners === null && entry.difference === null && !entry.isDifferentExperience)).toBe(true);
    expect(report.crossPerception).toEqual({ iBackPartner: null, partnerBacksMe: null });
    expect(report.flags).toEqual([]);
    // Not one of Ben's scores is in the body, under any name.
    const benShared = pickSharedScores(scoreProfile(INTERDEPENDENCE_PROFILE_V1, benAnswers), { ...allDimensions, axes: true });
    const thresholds = new Set(Object.values(report.thresholds));
    for (const value of [benShared.we, benShared.me, ...Object.values(benShared.dimensions ?? {}), ...Object.values(benShared.subscales ?? {})]) {
      if (value !== undefined && !thresholds.has(value)) expect(response.body).not.toMatch(new RegExp(`[:,\\[]${String(value).replace(".", "\\.")}[,\\]}]`));
    }
    expect(response.body).not.toMatch(/"partners":-?\d/);
    expect((await get(ben, "/api/data-views")).json().views).toHaveLength(viewsBefore);
    expect(await t.database.db.selectFrom("data_view").select("id").execute()).toHaveLength(auditBefore);
    expect((await setShares(t.app, ana, [])).statusCode).toBe(200);
    expect((await setShares(t.app, ben, [])).statusCode).toBe(200);
  });

  it("records every view in the owner's data-views with viewer name, scope and time, and none for one's own reads", async () => {
    const [cleo, dev] = await Promise.all([signUp(t.app), signUp(t.app)]);
    await completeProfileVia(t.app, dev.cookie, benAnswers);
    await addPrivateWords(dev, benNote, benReflection);
    await linkCouple(t.app, cleo, dev);
    expect((await setShares(t.app, dev, ["overview", "dimensions", "check-in-trends", "exercises"])).statusCode).toBe(200);

    // Until the report is ready (Cleo shares nothing and has no profile), it carries none of Dev's data and records nothing.
    const waiting = (await get(cleo, "/api/couple/report")).json<CoupleReportResponse>();
    expect(waiting).toMatchObject({ isReady: false, map: { partners: null }, flags: [], crossPerception: { iBackPartner: null, partnerBacksMe: null } });
    expect(waiting.missing).toEqual({ myShare: true, partnerShare: false, myProfile: true, partnerProfile: false });
    expect(waiting.dimensions.every((entry) => entry.partners === null)).toBe(true);
    expect((await get(dev, "/api/couple/report")).json<CoupleReportResponse>().missing).toEqual({
      myShare: false,
      partnerShare: true,
      myProfile: false,
      partnerProfile: false,
    });
    // Cleo shares a profile scope before she has a profile: Dev learns only that.
    expect((await setShares(t.app, cleo, ["overview"])).statusCode).toBe(200);
    expect((await get(dev, "/api/couple/report")).json<CoupleReportResponse>().missing).toEqual({
      myShare: false,
      partnerShare: false,
      myProfile: false,
      partnerProfile: true,
    });
    expect((await get(cleo, "/api/couple/report")).json<CoupleReportResponse>()).toMatchObject({ isReady: false, map: { partners: null } });
    expect((await get(dev, "/api/data-views")).json().views).toEqual([]);
    await completeProfileVia(t.app, cleo.cookie, anaAnswers);

    now += 60_000;
    const firstAt = new Date(now).toISOString();
    const ready = (await get(cleo, "/api/couple/report")).json<CoupleReportResponse>();
    expect(ready).toMatchObject({ isReady: true, missing: { myShare: false, partnerShare: false, myProfile: false, partnerProfile: false } });
    expect(ready.map.partners).not.toBeNull();
    now += 60_000;
    const secondAt = new Date(now).toISOString();
    expect((await get(cleo, "/api/couple/partner/check-ins")).statusCode).toBe(200);
    now += 60_000;
    const thirdAt = new Date(now).toISOString();
    expect((await get(cleo, "/api/couple/partner/exercises")).statusCode).toBe(200);
    // Reads of one's own data and refused reads leave no audit row.
    for (const url of ["/api/profile", "/api/check-ins", "/api/exercises", "/api/couple", "/api/data-views"])
      expect((await get(dev, url)).statusCode).toBe(200);
    expect((await get(dev, "/api/couple/report")).statusCode).toBe(200); // Dev's view of Cleo's overview goes to Cleo's record, not Dev's.

    const views = (await get(dev, "/api/data-views")).json();
    expect(views.nextBefore).toBeNull();
    expect(views.views.map((view: { viewer: unknown; scope: string; viewedAt: string }) => [view.viewer, view.scope, view.viewedAt])).toEqual([
      [{ name: cleo.name, role: "partner" }, "exercises", thirdAt],
      [{ name: cleo.name, role: "partner" }, "check-in-trends", secondAt],
      [{ name: cleo.name, role: "partner" }, expect.stringMatching(/^(overview|dimensions)$/), firstAt],
      [{ name: cleo.name, role: "partner" }, expect.stringMatching(/^(overview|dimensions)$/), firstAt],
    ]);
    expect(new Set(views.views.slice(2).map((view: { scope: string }) => view.scope))).toEqual(new Set(["overview", "dimensions"]));
    expect((await get(cleo, "/api/data-views")).json().views.map((view: { viewer: unknown; scope: string }) => [view.viewer, view.scope])).toEqual([
      [{ name: dev.name, role: "partner" }, "overview"],
    ]);

    // Pages: newest first, with an opaque cursor; a bad cursor is 400.
    const page1 = (await get(dev, "/api/data-views?limit=3")).json();
    expect(page1.views).toHaveLength(3);
    expect(page1.nextBefore).toEqual(expect.any(String));
    const page2 = (await get(dev, `/api/data-views?limit=3&before=${encodeURIComponent(page1.nextBefore)}`)).json();
    expect(page2).toEqual({ views: [views.views[3]], nextBefore: null });
    expect((await get(dev, "/api/data-views?before=nonsense")).statusCode).toBe(400);
    expect((await get(dev, "/api/data-views?limit=0")).statusCode).toBe(400);

    // After the link ends, the record of past views stays with the owner; new reads are refused and unrecorded.
    expect((await unlink(t.app, cleo)).statusCode).toBe(204);
    expect((await get(cleo, "/api/couple/partner/exercises")).statusCode).toBe(404);
    expect((await get(dev, "/api/data-views")).json().views).toHaveLength(4);
  });

  it("counts an audit row only with the read it records: a refused read writes none", async () => {
    const before = await t.database.db.selectFrom("data_view").select("id").execute();
    expect((await setShares(t.app, ben, [])).statusCode).toBe(200);
    expect((await get(ana, "/api/couple/partner/check-ins")).statusCode).toBe(403);
    expect((await get(ana, "/api/couple/partner/exercises")).statusCode).toBe(403);
    expect(await t.database.db.selectFrom("data_view").select("id").execute()).toHaveLength(before.length);
  });

  it("a partner who shares check-in trends shares their signals too, a sustained decline included, in words that name no one", async () => {
    const [eve, finn] = await Promise.all([signUp(t.app), signUp(t.app)]);
    await completeProfileVia(t.app, finn.cookie, benAnswers);
    await linkCouple(t.app, eve, finn);
    const start = now;
    const week = 7 * 24 * 60 * 60 * 1000;
    // The weeks run up to today: a clock moved past the sessions' lifetime would sign everyone out.
    now = start - 11 * week;
    try {
      for (const mePulse of [6, 6, 6, 6, 6, 6, 6, 6, 5, 4, 4, 3]) {
        const put = await t.app.inject({
          method: "PUT",
          url: "/api/check-ins/current",
          headers: { ...sameOrigin, cookie: finn.cookie },
          payload: { timeZone: "Asia/Singapore", answers: { wePulse: 5, mePulse, note: benNote } },
        });
        expect(put.statusCode, put.body).toBe(200);
        now += week;
      }
      now -= week;
      const own = await get(finn, "/api/check-ins?timeZone=Asia/Singapore");
      expect(own.json().signals.map((signal: { id: string; explanation: string }) => [signal.id, signal.explanation.slice(0, 40)])).toEqual([
        ["sustained-decline", "Your Me pulse has gone down for several "],
      ]);
      expect((await setShares(t.app, finn, ["check-in-trends"])).statusCode).toBe(200);
      const seen = await get(eve, "/api/couple/partner/check-ins");
      expect(seen.statusCode).toBe(200);
      const [signal] = seen.json().signals;
      expect(signal).toMatchObject({ id: "sustained-decline", title: "A pulse that has gone down for weeks", practice: "friends-family" });
      expect(signal.explanation).toMatch(/^In these check-ins the Me pulse has gone down for several weeks/);
      expect(signal.explanation).not.toMatch(/\byour?\b/i);
      expectNothingPrivate(seen.body, "ben");
    } finally {
      now = start;
    }
  });
});

describe.each(dialects)("[%s] the couple report scores each profile version once", (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp(dialect);
  });
  afterAll(async () => t.close());

  it("a second report reads the kept scores of the same profile version, not its answers again (issue 21)", async () => {
    const [cleo, dev] = await Promise.all([signUp(t.app), signUp(t.app)]);
    await completeProfileVia(t.app, cleo.cookie, anaAnswers);
    await completeProfileVia(t.app, dev.cookie, benAnswers);
    await linkCouple(t.app, cleo, dev);
    await setShares(t.app, cleo, ["overview", "dimensions"]);
    await setShares(t.app, dev, ["overview", "dimensions"]);
    const report = () => t.app.inject({ method: "GET", url: "/api/couple/report", headers: { cookie: cleo.cookie } });
    const first = await report();
    expect(first.statusCode).toBe(200);
    expect(first.json<CoupleReportResponse>().isReady).toBe(true);
    // A completed profile's answers never change; if they were read again, this would show.
    await t.database.db.updateTable("assessment_answer").set({ value: 4 }).execute();
    expect((await report()).json()).toEqual(first.json());
  });
});
