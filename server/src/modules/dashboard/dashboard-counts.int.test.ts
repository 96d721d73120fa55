// The dashboard's kept counts (decision 090): per practice and counsellor, how many clients and how
// many off track, kept by triggers on client_summary. They must equal a count of the rows after
// every kind of write that adds, removes or changes a client row: a client joins, shares less or
// more, the counsellor looks, a member stops, an account is deleted, the practice's norms move
// (every verdict drawn again), a counsellor leaves the practice, a counsellor's account is deleted.
// And the dashboard shows these numbers.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { COUNSELLOR_FLAG_IDS, INTERDEPENDENCE_PROFILE_V1, PROVISIONAL_NORMS, type CounsellorFlagId, type DashboardResponse } from "@mutual/core";
import { sql } from "kysely";
import { buildTestApp, type TestApp } from "../../../test/build-test-app.js";
import { sameOrigin, signUp, type TestPerson } from "../../../test/auth-helpers.js";
import { completeProfileVia, fullAnswers } from "../../../test/assessment-helpers.js";
import { acceptClientInvite, inviteClient } from "../../../test/counselling-helpers.js";
import { createPractice, enrolTwoFactor, getAs, joinPractice, postAs } from "../../../test/practice-helpers.js";
import { deleteAccount } from "../../../test/couple-helpers.js";
import { dialects } from "../../../test/test-databases.js";
import { expectKeptCounts } from "../../../test/kept-counts.js";
import { readClientSummaryPage } from "../client-summary/index.js";
import { deteriorationTests } from "./dashboard.service.js";

const dayMs = 24 * 60 * 60 * 1000;
/** Each flag's bit in client_summary.flag_bits (decision 063). */
const FLAG_BITS: Record<CounsellorFlagId, number> = {
  "power-imbalance": 1,
  "codependency-risk": 2,
  "low-intimacy": 4,
  "low-support": 8,
  "difference-reflection": 16,
  "social-withdrawal": 32,
  safety: 64,
};
const isReverse = (id: string) => INTERDEPENDENCE_PROFILE_V1.items.find((entry) => entry.id === id)?.isReverse === true;
const high = fullAnswers((id, isSafe) => (isSafe ? 4 : isReverse(id) ? 1 : 7));
const low = fullAnswers((id, isSafe) => (isSafe ? 4 : isReverse(id) ? 7 : 1));

describe.each(dialects)("[%s] the dashboard's kept counts", (dialect) => {
  let t: TestApp;
  let now = Date.UTC(2026, 6, 1, 12);
  const clock = { now: () => new Date(now) };
  let owner: TestPerson;
  let other: TestPerson;
  let practiceId: string;

  beforeAll(async () => {
    t = await buildTestApp(dialect, { clock });
    owner = await signUp(t.app);
    practiceId = await createPractice(t.app, owner, "Counted Practice");
    await enrolTwoFactor(t.app, owner);
    other = await signUp(t.app);
    await joinPractice(t.app, owner, other, practiceId, "counsellor");
    await enrolTwoFactor(t.app, other);
  }, 60_000);
  afterAll(async () => t.close());

  const dashboard = async (counsellor: TestPerson, query = "") => {
    const response = await getAs(t.app, counsellor, `/api/practices/${practiceId}/dashboard${query}`);
    expect(response.statusCode, response.body).toBe(200);
    return response.json<DashboardResponse>();
  };
  /** The kept counts equal the rows, and the dashboard shows them, exactly. */
  const expectTrue = async (counsellor: TestPerson, clients: number, offTrack: number) => {
    await expectKeptCounts(t.database.db);
    expect((await dashboard(counsellor)).total).toBe(clients);
    expect((await dashboard(counsellor, "?offTrack=true")).total).toBe(offTrack);
    expect((await dashboard(counsellor, "?offTrack=false&sort=we")).total).toBe(clients - offTrack);
    expect((await dashboard(counsellor)).totalCapped).toBe(false);
    // Each flag's count, and off track among them, is kept too: the dashboard shows what the rows say.
    const counsellorId = (await getAs(t.app, counsellor, "/api/me")).json<{ user: { id: string } }>().user.id;
    const rows = await t.database.db.selectFrom("client_summary").select(["flag_bits", "off_track"]).where("counsellor_id", "=", counsellorId).execute();
    for (const flag of COUNSELLOR_FLAG_IDS) {
      const bit = FLAG_BITS[flag];
      const flagged = rows.filter((row) => (row.flag_bits & bit) !== 0);
      const page = await dashboard(counsellor, `?flag=${flag}`);
      expect({ flag, total: page.total, capped: page.totalCapped }).toEqual({ flag, total: flagged.length, capped: false });
      expect({ flag, total: (await dashboard(counsellor, `?flag=${flag}&offTrack=true`)).total }).toEqual({
        flag,
        total: flagged.filter((row) => row.off_track === 1).length,
      });
    }
    await expectKeptCounts(t.database.db);
  };
  const setScopes = (person: TestPerson, clientId: string, scopes: string[]) =>
    t.app.inject({ method: "PUT", url: `/api/counselling/${clientId}/scopes`, headers: { ...sameOrigin, cookie: person.cookie }, payload: { scopes } });
  const stop = (person: TestPerson, clientId: string) =>
    t.app.inject({ method: "DELETE", url: `/api/counselling/${clientId}`, headers: { origin: sameOrigin.origin, cookie: person.cookie } });

  it("stay equal to the rows through every write that adds, removes or changes a client", async () => {
    await expectTrue(owner, 0, 0);
    // Three clients; the low profile raises flags the counsellor has not seen: off track.
    const [ana, ben, cas] = [await signUp(t.app), await signUp(t.app), await signUp(t.app)];
    await completeProfileVia(t.app, ana.cookie, low);
    await completeProfileVia(t.app, ben.cookie, high);
    await completeProfileVia(t.app, cas.cookie, high);
    const anaClient = await acceptClientInvite(t.app, ana, await inviteClient(t.app, owner, practiceId), ["profile", "check-ins"]);
    const benClient = await acceptClientInvite(t.app, ben, await inviteClient(t.app, owner, practiceId), ["profile"]);
    await acceptClientInvite(t.app, cas, await inviteClient(t.app, other, practiceId), ["profile"]);
    await expectTrue(owner, 2, 1);
    await expectTrue(other, 1, 0);

    // Ana shares less: the flags go out of sight, and she is no longer off track; then more again.
    expect((await setScopes(ana, anaClient, ["check-ins"])).statusCode).toBe(200);
    await expectTrue(owner, 2, 0);
    expect((await setScopes(ana, anaClient, ["profile", "check-ins"])).statusCode).toBe(200);
    await expectTrue(owner, 2, 1);

    // The counsellor looks at Ana: her flags are seen, not new.
    expect((await getAs(t.app, owner, `/api/practices/${practiceId}/clients/${anaClient}`)).statusCode).toBe(200);
    await expectTrue(owner, 2, 0);

    // Ben slides to a low profile: a reliable drop since intake, and new flags.
    now += 40 * dayMs;
    await completeProfileVia(t.app, ben.cookie, low, { consent: false });
    await expectTrue(owner, 2, 1);

    // The practice's norms move (read as far less reliable): every verdict drawn again in one statement.
    const loose = deteriorationTests(
      Object.fromEntries(Object.entries(PROVISIONAL_NORMS).map(([key, norm]) => [key, { ...norm, sd: norm.sd * 50 }])) as typeof PROVISIONAL_NORMS,
    );
    const ownerId = (await getAs(t.app, owner, "/api/me")).json<{ user: { id: string } }>().user.id;
    await t.database.db.transaction().execute(async (trx) => {
      await readClientSummaryPage(trx, practiceId, ownerId, { sort: "name", order: "asc", page: 1, pageSize: 25 }, now, loose);
    });
    await expectKeptCounts(t.database.db);
    const deteriorated = await t.database.db.selectFrom("client_summary").select("deteriorated").where("client_id", "=", benClient).executeTakeFirstOrThrow();
    expect(deteriorated.deteriorated).toBe(0);
    // (The API's next read draws them again with the norms of the day.)
    await expectTrue(owner, 2, 1);

    // Ben stops being a client: the client goes.
    expect((await stop(ben, benClient)).statusCode).toBe(204);
    await expectTrue(owner, 1, 0);

    // Ana deletes her account: her client goes with her (a cascade).
    expect((await deleteAccount(t.app, ana)).statusCode).toBe(200);
    await expectTrue(owner, 0, 0);

    // The other counsellor leaves the practice: their clients' relations end, and their count with them.
    const left = await postAs(t.app, other, "/api/auth/organization/leave", { organizationId: practiceId });
    expect(left.statusCode, left.body).toBe(200);
    await expectKeptCounts(t.database.db);
    const otherId = (await getAs(t.app, other, "/api/me")).json<{ user: { id: string } }>().user.id;
    const kept = await t.database.db
      .selectFrom("client_summary_count")
      .select(["clients", "off_track"])
      .where("counsellor_id", "=", otherId)
      .executeTakeFirst();
    expect(Number(kept?.clients ?? 0)).toBe(0);

    // A counsellor who deletes their account leaves no count behind.
    const dan = await signUp(t.app);
    await completeProfileVia(t.app, dan.cookie, low);
    await joinPractice(t.app, owner, other, practiceId, "counsellor");
    await acceptClientInvite(t.app, dan, await inviteClient(t.app, other, practiceId), ["profile"]);
    await expectTrue(other, 1, 1);
    expect((await deleteAccount(t.app, other)).statusCode).toBe(200);
    await expectKeptCounts(t.database.db);
    expect(await t.database.db.selectFrom("client_summary_count").selectAll().where("counsellor_id", "=", otherId).execute()).toEqual([]);
  }, 120_000);

  it("are counted again from the rows when they were lost (a practice built whole)", async () => {
    const eve = await signUp(t.app);
    await completeProfileVia(t.app, eve.cookie, low);
    await acceptClientInvite(t.app, eve, await inviteClient(t.app, owner, practiceId), ["profile"]);
    await expectTrue(owner, 1, 1);
    // Counts lost (say a restore that left the table out): the practice's next build counts them again.
    await sql`delete from client_summary_count`.execute(t.database.db);
    await t.database.db.deleteFrom("client_summary_state").where("practice_id", "=", practiceId).execute();
    expect((await dashboard(owner)).total).toBe(1);
    await expectTrue(owner, 1, 1);
  });
});
