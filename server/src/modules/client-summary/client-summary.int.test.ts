// The stored summary rows (decision 018) kept by the writes that change them must always equal a
// full recomputation from the sources, after every kind of write, and must hold nothing a member
// does not share now. Also: two writes to the same member at the same moment (a new profile and
// a revoked scope) must not leave a row computed without one of them. The same holds for the
// per-client rows the dashboard pages through (decision 063).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { INTERDEPENDENCE_PROFILE_V1, type DashboardResponse } from "@mutual/core";
import { buildTestApp, type TestApp } from "../../../test/build-test-app.js";
import { sameOrigin, signUp, type TestPerson } from "../../../test/auth-helpers.js";
import { completeProfileVia, fullAnswers, giveConsentVia, saveVia, startVia, submitVia } from "../../../test/assessment-helpers.js";
import { acceptClientInvite, inviteClient } from "../../../test/counselling-helpers.js";
import { createPractice, enrolTwoFactor, getAs } from "../../../test/practice-helpers.js";
import { linkCouple } from "../../../test/couple-helpers.js";
import { dialects } from "../../../test/test-databases.js";
import { expectKeptCounts } from "../../../test/kept-counts.js";
import { listClientSummaries, readClientSummaryPage, type DeteriorationTest } from "./client-summary.service.js";

const dayMs = 24 * 60 * 60 * 1000;
const isReverse = (id: string) => INTERDEPENDENCE_PROFILE_V1.items.find((entry) => entry.id === id)?.isReverse === true;
const high = fullAnswers((id, isSafe) => (isSafe ? 4 : isReverse(id) ? 1 : 7));
const low = fullAnswers((id, isSafe) => (isSafe ? 4 : isReverse(id) ? 7 : 1));

describe.each(dialects)("[%s] client summary rows", (dialect) => {
  let t: TestApp;
  let now = Date.UTC(2026, 6, 1, 12);
  const clock = { now: () => new Date(now) };
  let counsellor: TestPerson;
  let practiceId: string;

  const stored = async () =>
    (
      await t.database.db
        .selectFrom("client_member_summary")
        .selectAll()
        .where("practice_id", "=", practiceId)
        .orderBy("client_id")
        .orderBy("user_id")
        .execute()
    ).map((row) =>
      // Both dialects hand bigints back as strings or numbers; compare as numbers.
      Object.fromEntries(Object.entries(row).map(([key, value]) => [key, typeof value === "string" && /^\d+$/.test(value) ? Number(value) : value])),
    );
  const storedClients = async () =>
    (await t.database.db.selectFrom("client_summary").selectAll().where("practice_id", "=", practiceId).orderBy("client_id").execute()).map((row) =>
      Object.fromEntries(Object.entries(row).map(([key, value]) => [key, typeof value === "string" && /^\d+$/.test(value) ? Number(value) : value])),
    );
  /** Forgets the practice's rows of both kinds, as a practice from before these tables would have none. */
  const forgetRows = async () => {
    await t.database.db.deleteFrom("client_member_summary").where("practice_id", "=", practiceId).execute();
    await t.database.db.deleteFrom("client_summary").where("practice_id", "=", practiceId).execute();
    await t.database.db.deleteFrom("client_summary_state").where("practice_id", "=", practiceId).execute();
  };
  /** The rows kept so far, of members and of clients, must equal rows computed afresh from the sources. */
  async function expectRowsEqualRecomputed(): Promise<void> {
    // The dashboard's kept counts (decision 090) equal the rows kept so far…
    await expectKeptCounts(t.database.db);
    const kept = await stored();
    const keptClients = await storedClients();
    // The kept off-track verdicts were drawn with the norms of the practice's last dashboard read
    // (decision 077): the recomputation draws them with the same.
    const state = await t.database.db.selectFrom("client_summary_state").select("verdict_tests").where("practice_id", "=", practiceId).executeTakeFirst();
    const tests = state?.verdict_tests ? (JSON.parse(state.verdict_tests) as DeteriorationTest[]) : [];
    await forgetRows();
    // With no rows left, the next listing recomputes every member of the practice from the sources…
    await listClientSummaries(t.database.db, practiceId, "", []);
    expect(kept).toEqual(await stored());
    // …and the next page read every client's row, from those.
    await readClientSummaryPage(t.database.db, practiceId, "", { sort: "name", order: "asc", page: 1, pageSize: 25 }, now, tests);
    expect(keptClients).toEqual(await storedClients());
    // …and the rows rebuilt.
    await expectKeptCounts(t.database.db);
  }
  const invite = (kind: "individual" | "couple" = "individual") => inviteClient(t.app, counsellor, practiceId, kind);
  const accept = (person: TestPerson, code: string, scopes: string[]) => acceptClientInvite(t.app, person, code, scopes);
  const setScopes = (person: TestPerson, clientId: string, scopes: string[]) =>
    t.app.inject({ method: "PUT", url: `/api/counselling/${clientId}/scopes`, headers: { ...sameOrigin, cookie: person.cookie }, payload: { scopes } });
  const checkIn = (person: TestPerson) =>
    t.app.inject({
      method: "PUT",
      url: "/api/check-ins/current",
      headers: { ...sameOrigin, cookie: person.cookie },
      payload: { timeZone: "UTC", answers: { spokeUp: 3, feltHeard: 3, backedPartner: 3, feltBacked: 3, friendsFamilyHours: 4, wePulse: 5, mePulse: 5 } },
    });
  const dashboard = async (query = "") => (await getAs(t.app, counsellor, `/api/practices/${practiceId}/dashboard${query}`)).json<DashboardResponse>();

  beforeAll(async () => {
    t = await buildTestApp(dialect, { clock });
    counsellor = await signUp(t.app);
    practiceId = await createPractice(t.app, counsellor, "Summary Practice");
    await enrolTwoFactor(t.app, counsellor);
  }, 60_000);
  afterAll(async () => t.close());

  it("stays equal to a full recomputation through every write that changes it, and keeps nothing unshared", async () => {
    const alex = await signUp(t.app);
    await completeProfileVia(t.app, alex.cookie, high);
    const alexClient = await accept(alex, await invite(), ["profile", "check-ins"]);
    await expectRowsEqualRecomputed();
    expect((await dashboard()).rows[0]).toMatchObject({ members: [{ profile: { latest: { we: expect.any(Number) } } }], lastCheckInAt: null });

    now += 3 * dayMs;
    expect((await checkIn(alex)).statusCode).toBe(200);
    await expectRowsEqualRecomputed();
    expect((await dashboard("?overdue=true")).total).toBe(0);

    now += 40 * dayMs;
    await completeProfileVia(t.app, alex.cookie, low, { consent: false });
    await expectRowsEqualRecomputed();
    // The slide from a close, confident intake to a low profile is a reliable deterioration: off track.
    expect((await dashboard("?offTrack=true")).total).toBe(1);
    expect((await dashboard("?overdue=true")).total).toBe(1);

    // The counsellor looks: the last look moves, and is kept.
    expect((await getAs(t.app, counsellor, `/api/practices/${practiceId}/clients/${alexClient}`)).statusCode).toBe(200);
    await expectRowsEqualRecomputed();

    // Profile scope withdrawn: the row keeps no score, no flag, no change; the dashboard cannot find the client by them.
    expect((await setScopes(alex, alexClient, ["check-ins"])).statusCode).toBe(200);
    await expectRowsEqualRecomputed();
    const [row] = await stored();
    expect(row).toMatchObject({ we: null, me: null, latest_flag_bits: null, seen_flag_bits: null, d_close: null, d_we: null });
    expect((await dashboard("?offTrack=true")).total).toBe(0);
    expect((await dashboard("?sort=we")).rows[0]!.members[0]!.profile).toBeNull();

    // And given back.
    expect((await setScopes(alex, alexClient, ["profile", "check-ins", "safety"])).statusCode).toBe(200);
    await expectRowsEqualRecomputed();
    expect((await dashboard("?offTrack=true")).total).toBe(1);

    // A couple: each partner's row, each partner's writes.
    const [sam, kai] = [await signUp(t.app), await signUp(t.app)];
    await linkCouple(t.app, sam, kai);
    await completeProfileVia(t.app, sam.cookie);
    await giveConsentVia(t.app, kai.cookie);
    const code = await invite("couple");
    const coupleClient = await accept(sam, code, ["profile"]);
    expect(await accept(kai, code, ["profile", "check-ins"])).toBe(coupleClient);
    await expectRowsEqualRecomputed();
    expect((await checkIn(kai)).statusCode).toBe(200);
    await expectRowsEqualRecomputed();

    // A new name sorts the client where the counsellor would look for it.
    const renamed = await t.app.inject({
      method: "POST",
      url: "/api/auth/update-user",
      headers: { ...sameOrigin, cookie: kai.cookie },
      payload: { name: "Aaron First" },
    });
    expect(renamed.statusCode, renamed.body).toBe(200);
    await expectRowsEqualRecomputed();
    expect((await stored()).map((entry) => entry.name)).toContain("Aaron First");

    // One partner stops: their row goes with their membership; the other's stays.
    expect(
      (await t.app.inject({ method: "DELETE", url: `/api/counselling/${coupleClient}`, headers: { origin: sameOrigin.origin, cookie: sam.cookie } }))
        .statusCode,
    ).toBe(204);
    await expectRowsEqualRecomputed();
    expect((await stored()).filter((entry) => entry.client_id === coupleClient)).toHaveLength(1);
  });

  it("is rebuilt for a practice whose rows were never built", async () => {
    const before = await stored();
    const beforeClients = await storedClients();
    await forgetRows();
    const page = await dashboard("?pageSize=100");
    expect(page.total).toBeGreaterThan(0);
    expect(await stored()).toEqual(before);
    expect(await storedClients()).toEqual(beforeClients);
  });

  it("a new profile, a check-in and a changed scope at the same moment leave the row all three made", async () => {
    for (let round = 0; round < 6; round += 1) {
      const person = await signUp(t.app);
      await giveConsentVia(t.app, person.cookie);
      const clientId = await accept(person, await invite(), ["profile", "check-ins"]);
      const started = await startVia(t.app, person.cookie);
      expect(started.statusCode, started.body).toBe(200);
      const assessmentId = started.json<{ id: string }>().id;
      for (const [itemId, value] of Object.entries(round % 2 === 0 ? low : high)) await saveVia(t.app, person.cookie, assessmentId, itemId, value);
      const scopes = round % 2 === 0 ? ["check-ins"] : ["profile", "safety"];
      const answers = await Promise.all([submitVia(t.app, person.cookie, assessmentId), setScopes(person, clientId, scopes), checkIn(person)]);
      expect(answers.map((answer) => answer.statusCode)).toEqual([200, 200, 200]);
      await expectRowsEqualRecomputed();
    }
  });

  it("a profile submitted while the same person accepts a counsellor's invite is in their new row", async () => {
    for (let round = 0; round < 4; round += 1) {
      const person = await signUp(t.app);
      await giveConsentVia(t.app, person.cookie);
      const started = await startVia(t.app, person.cookie);
      const assessmentId = started.json<{ id: string }>().id;
      for (const [itemId, value] of Object.entries(low)) await saveVia(t.app, person.cookie, assessmentId, itemId, value);
      const code = await invite();
      const [submitted, accepted] = await Promise.all([
        submitVia(t.app, person.cookie, assessmentId),
        t.app.inject({
          method: "POST",
          url: "/api/counselling/accept",
          headers: { ...sameOrigin, cookie: person.cookie },
          payload: { code, scopes: ["profile", "check-ins"] },
        }),
      ]);
      expect([submitted.statusCode, accepted.statusCode]).toEqual([200, 200]);
      await expectRowsEqualRecomputed();
    }
  });
});
