// The counsellor's dashboard and client detail (decision 016) as counsellors and clients meet
// them: only the client's own counsellor with two-step sign-in sees anything, only within what
// each client member shares right now; reliable change since intake equals core's; every view
// is audited and shows in the client's "who viewed my data".
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  INTERDEPENDENCE_PROFILE_V1,
  classifyChange,
  scoreProfile,
  summariseAssessment,
  type ClientDetailResponse,
  type DashboardResponse,
  type DashboardRow,
} from "@mutual/core";
import { buildTestApp, type TestApp } from "../../../test/build-test-app.js";
import { sameOrigin, signUp, type TestPerson } from "../../../test/auth-helpers.js";
import { completeProfileVia, fullAnswers, giveConsentVia } from "../../../test/assessment-helpers.js";
import { createPractice, enrolTwoFactor, getAs, joinPractice } from "../../../test/practice-helpers.js";
import { linkCouple, unlink } from "../../../test/couple-helpers.js";
import { acceptClientInvite, inviteClient } from "../../../test/counselling-helpers.js";
import { dialects } from "../../../test/test-databases.js";

const dayMs = 24 * 60 * 60 * 1000;
const noteMarker = "private-note-marker-5Q2";
const checkInAnswers = { spokeUp: 3, feltHeard: 3, backedPartner: 3, feltBacked: 3, friendsFamilyHours: 4, wePulse: 5, mePulse: 5 };

/** The SAFE answer that raises the private safety flag, found with core rather than assumed. */
const raisingSafe = [1, 7].find(
  (value) =>
    summariseAssessment(
      INTERDEPENDENCE_PROFILE_V1,
      fullAnswers((_id, isSafe) => (isSafe ? value : 4)),
    ).safetyRaised,
)!;
const calmSafe = raisingSafe === 7 ? 1 : 7;
/** Close and supported, and a strong self: the intake of someone who later slides. */
const high = fullAnswers((id, isSafe) => (isSafe ? calmSafe : INTERDEPENDENCE_PROFILE_V1.items.find((entry) => entry.id === id)?.isReverse ? 1 : 7));
const low = fullAnswers((id, isSafe) => (isSafe ? calmSafe : INTERDEPENDENCE_PROFILE_V1.items.find((entry) => entry.id === id)?.isReverse ? 7 : 1));
const middleWithSafety = fullAnswers((_id, isSafe) => (isSafe ? raisingSafe : 4));

describe.each(dialects)("[%s] counsellor dashboard and client detail", (dialect) => {
  let t: TestApp;
  let now = Date.UTC(2026, 6, 1, 12);
  const clock = { now: () => new Date(now) };

  let counsellor: TestPerson;
  let practiceId: string;
  let admin: TestPerson;
  let noTwoFactor: TestPerson;
  let otherCounsellor: TestPerson;
  let otherPracticeId: string;
  const clients: Record<"slider" | "quiet" | "safety" | "noProfile", TestPerson> = {} as never;
  const clientIds: Record<string, string> = {};

  const dashboard = (who: TestPerson, query = "", practice = practiceId) => getAs(t.app, who, `/api/practices/${practice}/dashboard${query}`);
  const rowsOf = async (query = "") => {
    const response = await dashboard(counsellor, query);
    expect(response.statusCode, response.body).toBe(200);
    return response.json<DashboardResponse>();
  };
  const rowFor = async (key: keyof typeof clients, query = "?pageSize=100"): Promise<DashboardRow | undefined> =>
    (await rowsOf(query)).rows.find((row) => row.clientId === clientIds[key]);
  const detail = (who: TestPerson, clientId: string, practice = practiceId) => getAs(t.app, who, `/api/practices/${practice}/clients/${clientId}`);

  const invite = (kind: "individual" | "couple" = "individual") => inviteClient(t.app, counsellor, practiceId, kind);
  const accept = (person: TestPerson, code: string, scopes: string[]) => acceptClientInvite(t.app, person, code, scopes);
  /** Every check-in carries a private note with a marker that must never reach a counsellor here. */
  const checkIn = (person: TestPerson) =>
    t.app.inject({
      method: "PUT",
      url: "/api/check-ins/current",
      headers: { ...sameOrigin, cookie: person.cookie },
      payload: { timeZone: "UTC", answers: { ...checkInAnswers, note: noteMarker } },
    });

  beforeAll(async () => {
    t = await buildTestApp(dialect, { clock });
    counsellor = await signUp(t.app);
    practiceId = await createPractice(t.app, counsellor, "Harbour Counselling");
    await enrolTwoFactor(t.app, counsellor);
    admin = await signUp(t.app);
    await joinPractice(t.app, counsellor, admin, practiceId, "admin");
    await enrolTwoFactor(t.app, admin);
    noTwoFactor = await signUp(t.app);
    await joinPractice(t.app, counsellor, noTwoFactor, practiceId, "counsellor");
    otherCounsellor = await signUp(t.app);
    otherPracticeId = await createPractice(t.app, otherCounsellor, "Elsewhere");
    await enrolTwoFactor(t.app, otherCounsellor);

    for (const key of Object.keys({ slider: 0, quiet: 0, safety: 0, noProfile: 0 }) as Array<keyof typeof clients>) clients[key] = await signUp(t.app);
    // The slider's intake is a close, confident profile taken before accepting; a later one slides.
    await completeProfileVia(t.app, clients.slider.cookie, high);
    clientIds.slider = await accept(clients.slider, await invite(), ["profile", "check-ins"]);
    await checkIn(clients.slider);
    // The safety client raised the private safety flag; shares it.
    await completeProfileVia(t.app, clients.safety.cookie, middleWithSafety);
    clientIds.safety = await accept(clients.safety, await invite(), ["profile", "check-ins", "safety", "notes"]);
    await checkIn(clients.safety);
    // The quiet one raised it too but does not share safety, and never checks in.
    await completeProfileVia(t.app, clients.quiet.cookie, middleWithSafety);
    clientIds.quiet = await accept(clients.quiet, await invite(), ["profile", "check-ins", "notes"]);
    // Shares check-ins only.
    await giveConsentVia(t.app, clients.noProfile.cookie);
    clientIds.noProfile = await accept(clients.noProfile, await invite(), ["check-ins"]);
    await checkIn(clients.noProfile);

    now += 40 * dayMs;
    await completeProfileVia(t.app, clients.slider.cookie, low, { consent: false });
    await checkIn(clients.slider);
    await checkIn(clients.safety);
    await checkIn(clients.noProfile);
  }, 60_000);
  afterAll(async () => t.close());

  it("needs a session, practice membership (404), two-step sign-in (403); an admin of the practice with no clients sees none", async () => {
    expect((await t.app.inject({ method: "GET", url: `/api/practices/${practiceId}/dashboard` })).statusCode).toBe(401);
    expect((await t.app.inject({ method: "GET", url: `/api/practices/${practiceId}/clients/${clientIds.slider}` })).statusCode).toBe(401);
    expect((await dashboard(otherCounsellor)).statusCode).toBe(404);
    expect((await detail(otherCounsellor, clientIds.slider!)).statusCode).toBe(404);
    // Another practice's counsellor asking through their own practice finds nothing either.
    expect((await detail(otherCounsellor, clientIds.slider!, otherPracticeId)).statusCode).toBe(404);
    const without = await dashboard(noTwoFactor);
    expect(without.statusCode).toBe(403);
    expect(without.json().error.code).toBe("TWO_FACTOR_REQUIRED");
    expect((await detail(noTwoFactor, clientIds.slider!)).statusCode).toBe(403);
    const adminView = await dashboard(admin);
    expect(adminView.statusCode).toBe(200);
    expect(adminView.json<DashboardResponse>()).toMatchObject({ rows: [], total: 0 });
    expect((await detail(admin, clientIds.slider!)).statusCode).toBe(404);
  });

  it("shows each client within their scopes: no profile scope, no scores; the safety flag only with the safety scope; notes never", async () => {
    const { rows, total, normSource } = await rowsOf("?pageSize=100");
    expect(total).toBe(4);
    expect(normSource).toBe("provisional");
    const noProfile = rows.find((row) => row.clientId === clientIds.noProfile)!;
    expect(noProfile.members[0]).toMatchObject({ scopes: ["check-ins"], profile: null });
    expect(noProfile.members[0]!.checkIns).toMatchObject({ overdue: false });
    const quiet = rows.find((row) => row.clientId === clientIds.quiet)!;
    expect(quiet.members[0]!.profile!.latest!.flags).not.toContain("safety");
    expect(quiet.members[0]!.checkIns).toEqual({ lastWeek: null, lastAt: null, overdue: true });
    expect(quiet.overdue).toBe(true);
    const safety = rows.find((row) => row.clientId === clientIds.safety)!;
    expect(safety.members[0]!.profile!.latest!.flags).toContain("safety");
    const body = JSON.stringify(rows);
    expect(body).not.toContain(noteMarker);
    expect(body).not.toMatch(/"note[a-z]*"\s*:/i);
    expect(body).not.toContain(clients.slider.email);
  });

  it("classifies reliable change since intake exactly as core does, and a deterioration puts the client off track", async () => {
    const slider = (await rowFor("slider"))!;
    const change = slider.members[0]!.profile!.change!;
    const expected = classifyChange(scoreProfile(INTERDEPENDENCE_PROFILE_V1, high), scoreProfile(INTERDEPENDENCE_PROFILE_V1, low));
    expect(Object.fromEntries(change.scores.map((entry) => [entry.key, entry.classification]))).toEqual(
      Object.fromEntries(Object.entries(expected).map(([key, entry]) => [key, entry!.classification])),
    );
    expect(change.scores.some((entry) => entry.classification === "deteriorated")).toBe(true);
    expect(slider.offTrack).toBe(true);
    expect(slider.offTrackReasons).toContain("deteriorated");
    // One profile only: no change yet.
    expect((await rowFor("safety"))!.members[0]!.profile!.change).toBeNull();
  });

  it("marks overdue after ten days without a check-in", async () => {
    expect((await rowFor("noProfile"))!.overdue).toBe(false);
    now += 11 * dayMs;
    try {
      const row = (await rowFor("noProfile"))!;
      expect(row.overdue).toBe(true);
      expect((await rowFor("slider"))!.overdue).toBe(true);
    } finally {
      now -= 11 * dayMs;
    }
  });

  it("filters by flag, overdue and off track; sorts on the server; paginates; refuses bad queries", async () => {
    const bySafety = await rowsOf("?flag=safety");
    expect(bySafety.rows.map((row) => row.clientId)).toEqual([clientIds.safety]);
    const overdue = await rowsOf("?overdue=true&pageSize=100");
    expect(overdue.rows.map((row) => row.clientId)).toEqual([clientIds.quiet]);
    const notOverdue = await rowsOf("?overdue=false&pageSize=100");
    expect(notOverdue.total).toBe(3);
    const offTrack = await rowsOf("?offTrack=true&pageSize=100");
    expect(offTrack.rows.map((row) => row.clientId)).toContain(clientIds.slider);
    expect(offTrack.rows.every((row) => row.offTrack)).toBe(true);

    const byWe = await rowsOf("?sort=we&order=desc&pageSize=100");
    const weOf = (row: DashboardRow) => row.members[0]!.profile?.latest?.we ?? null;
    const values = byWe.rows.map(weOf);
    const present = values.filter((value): value is number => value !== null);
    expect(present).toEqual([...present].sort((a, b) => b - a));
    expect(values.at(-1)).toBeNull(); // no profile shared: last, whatever the order

    const page1 = await rowsOf("?sort=name&pageSize=2&page=1");
    const page2 = await rowsOf("?sort=name&pageSize=2&page=2");
    expect(page1).toMatchObject({ total: 4, page: 1, pageSize: 2 });
    expect(page1.rows).toHaveLength(2);
    expect(page2.rows).toHaveLength(2);
    expect(new Set([...page1.rows, ...page2.rows].map((row) => row.clientId)).size).toBe(4);
    const names = [...page1.rows, ...page2.rows].map((row) => row.name);
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, "en", { sensitivity: "base", numeric: true })));

    for (const bad of ["?sort=age", "?order=up", "?page=0", "?pageSize=101", "?flag=unknown", "?overdue=yes", "?colour=red"]) {
      expect((await dashboard(counsellor, bad)).statusCode, bad).toBe(400);
    }
  });

  it("detail shows what is shared, audits one view per member per scope as counsellor, and the views show in the client's who-viewed list", async () => {
    const response = await detail(counsellor, clientIds.safety!);
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json<ClientDetailResponse>();
    expect(body.members[0]!.profile!.assessments).toHaveLength(1);
    expect(body.members[0]!.profile!.assessments[0]!.isIntake).toBe(true);
    // The safety concern stands apart from every flag (decision 038): never in the history or a profile's flags.
    expect(body.members[0]!.profile!.flagHistory.map((entry) => entry.id)).not.toContain("safety");
    expect(body.members[0]!.profile!.assessments.flatMap((entry) => entry.flags)).not.toContain("safety");
    expect(body.members[0]!.safetyCheck).toMatchObject({ concernNow: true, skippedNow: false });
    expect(body.members[0]!.safetyCheck!.firstConcernAt).toBe(body.members[0]!.profile!.assessments[0]!.completedAt);
    expect(body.members[0]!.checkIns!.weeks.length).toBeGreaterThan(0);
    // The safety client shares notes too: their check-in notes come with the detail (client-notes.int.test.ts has the rest).
    expect(body.members[0]!.notes!.checkInNotes.map((note) => note.text)).toContain(noteMarker);
    const views = await getAs(t.app, clients.safety, "/api/data-views");
    const mine = views.json<{ views: Array<{ viewer: { role: string }; scope: string }> }>().views.filter((view) => view.viewer.role === "counsellor");
    expect(new Set(mine.map((view) => view.scope))).toEqual(new Set(["profile", "check-ins", "safety", "notes"]));

    // The no-profile client checks in with notes but shares check-ins only: no note, and no notes view.
    const checkInsOnly = await detail(counsellor, clientIds.noProfile!);
    expect(checkInsOnly.json<ClientDetailResponse>().members[0]!.notes).toBeNull();
    expect(checkInsOnly.body).not.toContain(noteMarker);
    const checkInsOnlyViews = (await getAs(t.app, clients.noProfile, "/api/data-views")).json<{ views: Array<{ scope: string }> }>().views;
    expect(new Set(checkInsOnlyViews.map((view) => view.scope))).toEqual(new Set(["check-ins"]));
    // The quiet client does not share safety: no safety view.
    const quietDetail = await detail(counsellor, clientIds.quiet!);
    expect(quietDetail.statusCode).toBe(200);
    expect(quietDetail.json<ClientDetailResponse>().members[0]!.safetyCheck).toBeNull();
    const quietViews = (await getAs(t.app, clients.quiet, "/api/data-views")).json<{ views: Array<{ scope: string }> }>().views;
    expect(quietViews.map((view) => view.scope)).not.toContain("safety");
  });

  it("a flag is new until the counsellor opens the client; opening it clears that reason", async () => {
    const person = await signUp(t.app);
    await completeProfileVia(t.app, person.cookie, low);
    const clientId = await accept(person, await invite(), ["profile"]);
    const find = async () => (await rowsOf("?pageSize=100")).rows.find((row) => row.clientId === clientId)!;
    const before = await find();
    expect(before.members[0]!.profile!.latest!.flags.length).toBeGreaterThan(0);
    expect(before.offTrackReasons).toEqual(["new-flag"]);
    expect((await detail(counsellor, clientId)).statusCode).toBe(200);
    const after = await find();
    expect(after.offTrackReasons).toEqual([]);
    expect(after.offTrack).toBe(false);
    expect((await rowsOf("?offTrack=false&pageSize=100")).rows.map((row) => row.clientId)).toContain(clientId);
  });

  /** Two partners with different profiles, linked, and a couple invite of which the first has accepted sharing their profile. */
  async function coupleWithFirstAccepted() {
    const a = await signUp(t.app);
    const b = await signUp(t.app);
    await completeProfileVia(t.app, a.cookie, high);
    await completeProfileVia(t.app, b.cookie, low);
    await linkCouple(t.app, a, b);
    const code = await invite("couple");
    const clientId = await accept(a, code, ["profile"]);
    return { a, b, code, clientId };
  }

  it("a couple client's detail carries each partner's shared profile and the couple comparison", async () => {
    const { b, code, clientId } = await coupleWithFirstAccepted();
    const detailOne = (await detail(counsellor, clientId)).json<ClientDetailResponse>();
    expect(detailOne.kind).toBe("couple");
    // The second partner has not accepted yet: said as a code, which the web app words.
    expect(detailOne.coupleReport!.missing).toEqual([{ reason: "partner-not-joined" }]);
    await accept(b, code, ["profile", "check-ins"]);
    const both = (await detail(counsellor, clientId)).json<ClientDetailResponse>();
    expect(both.members).toHaveLength(2);
    expect(both.coupleReport!.missing).toEqual([]);
    expect(both.coupleReport!.dimensions.some((entry) => entry.isDifferentExperience)).toBe(true);
    // A partner who stops sharing their profile is named as what the comparison waits for.
    const put = await t.app.inject({
      method: "PUT",
      url: `/api/counselling/${clientId}/scopes`,
      headers: { ...sameOrigin, cookie: b.cookie },
      payload: { scopes: ["check-ins"] },
    });
    expect(put.statusCode, put.body).toBe(200);
    const one = (await detail(counsellor, clientId)).json<ClientDetailResponse>();
    expect(one.coupleReport!.missing).toEqual([{ reason: "no-shared-profile", name: b.name }]);
  });

  it("a couple client's comparison ends when the two unlink as partners, and does not come back with someone else", async () => {
    const { a, b, code, clientId } = await coupleWithFirstAccepted();
    await accept(b, code, ["profile"]);
    expect((await detail(counsellor, clientId)).json<ClientDetailResponse>().coupleReport!.dimensions.length).toBeGreaterThan(0);
    expect((await unlink(t.app, b)).statusCode).toBe(204);
    const after = (await detail(counsellor, clientId)).json<ClientDetailResponse>();
    expect(after.coupleReport).toEqual({ missing: [{ reason: "no-longer-partners" }], dimensions: [], flags: [] });
    // Each is still the counsellor's client, with what they share.
    expect(after.members.map((member) => member.profile !== null)).toEqual([true, true]);
    // A new partner does not revive it: the couple client is the two who unlinked.
    const c = await signUp(t.app);
    await linkCouple(t.app, a, c);
    expect((await detail(counsellor, clientId)).json<ClientDetailResponse>().coupleReport!.missing).toEqual([{ reason: "no-longer-partners" }]);
  });

  it("a safety check left wholly unanswered is told to the counsellor given the safety scope, and to no one else", async () => {
    const skipped = Object.fromEntries(Object.entries(fullAnswers()).filter(([id]) => !id.startsWith("safe-")));
    const sharer = await signUp(t.app);
    await completeProfileVia(t.app, sharer.cookie, skipped);
    const sharerId = await accept(sharer, await invite(), ["profile", "safety"]);
    expect((await detail(counsellor, sharerId)).json<ClientDetailResponse>().members[0]!.safetyCheck).toEqual({
      concernNow: false,
      skippedNow: true,
      firstConcernAt: null,
      lastConcernAt: null,
    });
    const own = await getAs(t.app, sharer, "/api/profile");
    expect(own.json().profile.safety).toEqual({ showResources: false, holdsBackJointExercises: false, skippedCheck: true });
    const keeper = await signUp(t.app);
    await completeProfileVia(t.app, keeper.cookie, skipped);
    const keeperId = await accept(keeper, await invite(), ["profile"]);
    const kept = await detail(counsellor, keeperId);
    expect(kept.json<ClientDetailResponse>().members[0]!.safetyCheck).toBeNull();
    expect(kept.body).not.toMatch(/skipped"\s*:\s*true|skippedNow/);
  });

  it("a pulse sliding for weeks puts the client off track with its reason while check-ins are shared, and the detail says it in words about them", async () => {
    const person = await signUp(t.app);
    await giveConsentVia(t.app, person.cookie);
    const clientId = await accept(person, await invite(), ["check-ins"]);
    const start = now;
    try {
      // Twelve weekly check-ins: a steady We pulse, then a slide (the same series core's trend tests use).
      for (const wePulse of [6, 6, 6, 6, 6, 6, 6, 6, 5, 4, 4, 3]) {
        const answer = await t.app.inject({
          method: "PUT",
          url: "/api/check-ins/current",
          headers: { ...sameOrigin, cookie: person.cookie },
          payload: { timeZone: "UTC", answers: { ...checkInAnswers, wePulse } },
        });
        expect(answer.statusCode, answer.body).toBe(200);
        now += 7 * dayMs;
      }
      now -= 7 * dayMs;
      const own = (await getAs(t.app, person, "/api/check-ins?timeZone=UTC")).json<{ signals: Array<{ id: string; explanation: string }> }>();
      expect(own.signals.find((signal) => signal.id === "sustained-decline")?.explanation).toMatch(/^Your We pulse has gone down for several weeks/);
      const row = (await rowsOf("?offTrack=true&pageSize=100")).rows.find((entry) => entry.clientId === clientId);
      expect(row?.offTrackReasons).toEqual(["pulse-decline"]);
      const member = (await detail(counsellor, clientId)).json<ClientDetailResponse>().members[0]!;
      const signal = member.checkIns!.signals.find((entry) => entry.id === "sustained-decline");
      expect(signal).toMatchObject({ title: "A pulse that has gone down for weeks", practice: "support-passions" });
      expect(signal!.explanation).toMatch(/^In these check-ins the We pulse has gone down/);
      expect(signal!.explanation).not.toMatch(/\byour?\b/i);
      // Without the check-ins scope the reason goes at once; the profile scope alone does not bring it.
      const put = await t.app.inject({
        method: "PUT",
        url: `/api/counselling/${clientId}/scopes`,
        headers: { ...sameOrigin, cookie: person.cookie },
        payload: { scopes: ["profile"] },
      });
      expect(put.statusCode, put.body).toBe(200);
      expect((await rowsOf("?pageSize=100")).rows.find((entry) => entry.clientId === clientId)?.offTrackReasons).toEqual([]);
      // A steadier week ends the slide: shared again, the reason is gone too.
      await t.app.inject({
        method: "PUT",
        url: `/api/counselling/${clientId}/scopes`,
        headers: { ...sameOrigin, cookie: person.cookie },
        payload: { scopes: ["check-ins"] },
      });
      expect((await rowsOf("?pageSize=100")).rows.find((entry) => entry.clientId === clientId)?.offTrackReasons).toEqual(["pulse-decline"]);
      now += 7 * dayMs;
      for (const wePulse of [6, 7]) {
        await t.app.inject({
          method: "PUT",
          url: "/api/check-ins/current",
          headers: { ...sameOrigin, cookie: person.cookie },
          payload: { timeZone: "UTC", answers: { ...checkInAnswers, wePulse } },
        });
        now += 7 * dayMs;
      }
      expect((await rowsOf("?pageSize=100")).rows.find((entry) => entry.clientId === clientId)?.offTrackReasons).toEqual([]);
    } finally {
      now = start;
    }
  });

  it("a revoked scope disappears on the next request; stopping sharing removes the client", async () => {
    const put = await t.app.inject({
      method: "PUT",
      url: `/api/counselling/${clientIds.slider}/scopes`,
      headers: { ...sameOrigin, cookie: clients.slider.cookie },
      payload: { scopes: ["check-ins"] },
    });
    expect(put.statusCode, put.body).toBe(200);
    const row = (await rowFor("slider"))!;
    expect(row.members[0]!.profile).toBeNull();
    expect(row.offTrack).toBe(false);
    expect((await detail(counsellor, clientIds.slider!)).json<ClientDetailResponse>().members[0]!.profile).toBeNull();
    const stopped = await t.app.inject({
      method: "DELETE",
      url: `/api/counselling/${clientIds.slider}`,
      headers: { origin: sameOrigin.origin, cookie: clients.slider.cookie },
    });
    expect(stopped.statusCode).toBe(204);
    expect(await rowFor("slider")).toBeUndefined();
    expect((await detail(counsellor, clientIds.slider!)).statusCode).toBe(404);
  });
});
