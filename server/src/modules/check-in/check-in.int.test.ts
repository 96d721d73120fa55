import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "kysely";
import { buildTestApp, testKeyring, type TestApp } from "../../../test/build-test-app.js";
import { sameOrigin, signUp as signUpOnly, type TestPerson } from "../../../test/auth-helpers.js";
import { giveConsentVia } from "../../../test/assessment-helpers.js";
import { dialects } from "../../../test/test-databases.js";
import { listCheckInsForExport, storeCheckInForWeek } from "./index.js";

const zone = "Asia/Singapore";
// Sunday 29 November 2026, 23:30 in Singapore (UTC+8) is still ISO week 48 there; 00:30 on Monday is week 49.
// Both instants are Sunday in UTC, so a server computing weeks in UTC would put them in the same week.
const sundayLate = new Date("2026-11-29T15:30:00Z");
const mondayEarly = new Date("2026-11-29T16:30:00Z");

const answers = { spokeUp: 3, feltHeard: 2, backedPartner: 4, feltBacked: 1, friendsFamilyHours: 6.5, wePulse: 5, mePulse: 4 };

async function everyStoredText(t: TestApp): Promise<string> {
  const tables = ["check_in", "data_key", "idempotency_key"] as const;
  const dumps: string[] = [];
  for (const table of tables) {
    const rows = await sql<Record<string, unknown>>`select * from ${sql.table(table)}`.execute(t.database.db);
    dumps.push(JSON.stringify(rows.rows));
  }
  return dumps.join("\n");
}

async function countRows(t: TestApp, table: "check_in" | "idempotency_key" | "data_key", userId?: string): Promise<number> {
  let query = t.database.db.selectFrom(table).select((eb) => eb.fn.countAll<number | string>().as("n"));
  if (userId !== undefined) query = query.where("user_id", "=", userId);
  const row = await query.executeTakeFirstOrThrow();
  return Number(row.n);
}

/** A new person who has agreed to the notice (nothing is stored before that). */
async function signUp(app: FastifyInstance): Promise<TestPerson> {
  const person = await signUpOnly(app);
  await giveConsentVia(app, person.cookie);
  return person;
}

describe.each(dialects)("[%s] weekly check-ins", (dialect) => {
  let t: TestApp;
  let now = sundayLate;
  let person: TestPerson;
  let userId: string;

  const put = (who: TestPerson, payload: unknown, headers: Record<string, string> = {}) =>
    t.app.inject({ method: "PUT", url: "/api/check-ins/current", headers: { ...sameOrigin, cookie: who.cookie, ...headers }, payload: payload as object });
  const getCurrent = (who: TestPerson, timeZone = zone) =>
    t.app.inject({ method: "GET", url: `/api/check-ins/current?timeZone=${encodeURIComponent(timeZone)}`, headers: { cookie: who.cookie } });

  beforeAll(async () => {
    t = await buildTestApp(dialect, { clock: { now: () => now } });
    person = await signUp(t.app);
    const me = await t.app.inject({ method: "GET", url: "/api/me", headers: { cookie: person.cookie } });
    userId = (me.json() as { user: { id: string } }).user.id;
  });
  afterAll(async () => t.close());

  it("needs a session", async () => {
    const response = await t.app.inject({ method: "GET", url: `/api/check-ins/current?timeZone=${zone}` });
    expect(response.statusCode).toBe(401);
  });

  it("refuses an unknown time zone with 400", async () => {
    expect((await getCurrent(person, "Mars/Olympus_Mons")).statusCode).toBe(400);
    const response = await put(person, { timeZone: "Not/AZone", answers });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ error: { code: "INVALID_TIME_ZONE" } });
    expect(await countRows(t, "check_in", userId)).toBe(0);
  });

  it("stores nothing before the person agreed to the notice", async () => {
    const early = await signUpOnly(t.app);
    const refused = await put(early, { timeZone: zone, answers: { ...answers, note: "too soon" } });
    expect(refused.statusCode).toBe(403);
    expect(refused.json()).toMatchObject({ error: { code: "CONSENT_REQUIRED" } });
    expect((await getCurrent(early)).json()).toMatchObject({ checkIn: null });
  });

  it("refuses bad answers with 400 and stores nothing", async () => {
    for (const bad of [
      { ...answers, spokeUp: 5 },
      { ...answers, wePulse: 0 },
      { ...answers, friendsFamilyHours: 1.25 },
      { ...answers, mood: 3 },
    ]) {
      const response = await put(person, { timeZone: zone, answers: bad });
      expect(response.statusCode).toBe(400);
    }
    expect((await put(person, { timeZone: zone, answers, extra: 1 })).statusCode).toBe(400);
    expect(await countRows(t, "check_in", userId)).toBe(0);
  });

  it("puts 23:30 on Sunday in Singapore in that ISO week and 00:30 on Monday in the next", async () => {
    now = sundayLate;
    expect((await getCurrent(person)).json()).toEqual({ week: "2026-W48", timeZone: zone, checkIn: null });
    const first = await put(person, { timeZone: zone, answers: { ...answers, note: "first draft" } });
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ week: "2026-W48", timeZone: zone, checkIn: { answers, note: "first draft" } });

    // Editing during the same week replaces the week's check-in.
    const edited = await put(person, { timeZone: zone, answers: { ...answers, spokeUp: 1, note: "the quiet lantern by the window" } });
    expect(edited.json()).toMatchObject({ week: "2026-W48", checkIn: { answers: { ...answers, spokeUp: 1 }, note: "the quiet lantern by the window" } });
    expect(await countRows(t, "check_in", userId)).toBe(1);
    expect((await getCurrent(person)).json()).toMatchObject({
      week: "2026-W48",
      checkIn: { answers: { spokeUp: 1 }, note: "the quiet lantern by the window" },
    });

    now = mondayEarly;
    expect((await getCurrent(person)).json()).toEqual({ week: "2026-W49", timeZone: zone, checkIn: null });
    const next = await put(person, { timeZone: zone, answers: { wePulse: 6 } });
    expect(next.json()).toMatchObject({ week: "2026-W49", checkIn: { answers: { wePulse: 6, spokeUp: null }, note: null } });
    expect(await countRows(t, "check_in", userId)).toBe(2);
    // The same instant is still week 48 for someone in UTC.
    expect((await getCurrent(person, "UTC")).json()).toMatchObject({ week: "2026-W48" });
  });

  it("never stores the note's plaintext", async () => {
    const stored = await everyStoredText(t);
    expect(stored).not.toContain("quiet lantern");
    expect(stored).not.toContain("first draft");
    const row = await t.database.db.selectFrom("check_in").select(["note_sealed", "note_key_id"]).where("iso_week", "=", "2026-W48").executeTakeFirstOrThrow();
    expect(row.note_sealed).toMatch(/^v1\./);
    expect(row.note_key_id).toBe(`${testKeyring.current.id}:${userId}`);
    const key = await t.database.db.selectFrom("data_key").select(["key_id"]).where("user_id", "=", userId).executeTakeFirstOrThrow();
    expect(key.key_id).toBe(testKeyring.current.id);
  });

  it("answers a retry with the same Idempotency-Key with the same response and writes once", async () => {
    const other = await signUp(t.app);
    now = sundayLate;
    const headers = { "idempotency-key": "retry-key-0001" };
    const body = { timeZone: zone, answers: { ...answers, note: "amber harbour evening" } };
    const first = await put(other, body, headers);
    expect(first.statusCode).toBe(200);
    now = new Date(sundayLate.getTime() + 60_000);
    const retry = await put(other, body, headers);
    expect(retry.statusCode).toBe(200);
    expect(retry.json()).toEqual(first.json());
    const current = await getCurrent(other);
    expect(current.json()).toMatchObject({ checkIn: { answers: { spokeUp: 3 }, note: "amber harbour evening", updatedAt: first.json().checkIn.updatedAt } });
    expect(await countRows(t, "idempotency_key")).toBe(1);
    expect(await everyStoredText(t)).not.toContain("amber harbour");
    // Another person using the same key gets their own write.
    const third = await signUp(t.app);
    const theirs = await put(third, { timeZone: zone, answers: { wePulse: 2 } }, headers);
    expect(theirs.json()).toMatchObject({ checkIn: { answers: { wePulse: 2 }, note: null } });
  });

  it("stores and returns a time zone in its canonical spelling", async () => {
    const other = await signUp(t.app);
    const otherId = (await t.app.inject({ method: "GET", url: "/api/me", headers: { cookie: other.cookie } })).json().user.id as string;
    now = sundayLate;
    const saved = await put(other, { timeZone: "asia/singapore", answers });
    expect(saved.statusCode).toBe(200);
    expect(saved.json().timeZone).toBe(zone);
    const row = await t.database.db.selectFrom("check_in").select("time_zone").where("user_id", "=", otherId).executeTakeFirstOrThrow();
    expect(row.time_zone).toBe(zone);
  });

  it("refuses an Idempotency-Key reused with a different body (422) and changes nothing", async () => {
    const other = await signUp(t.app);
    now = sundayLate;
    const headers = { "idempotency-key": "reused-key-0001" };
    expect((await put(other, { timeZone: zone, answers: { ...answers, note: "kept" } }, headers)).statusCode).toBe(200);
    const reused = await put(other, { timeZone: zone, answers: { ...answers, spokeUp: 0, note: "changed" } }, headers);
    expect(reused.statusCode).toBe(422);
    expect(reused.json().error.code).toBe("IDEMPOTENCY_KEY_REUSED");
    expect((await getCurrent(other)).json()).toMatchObject({ checkIn: { answers: { spokeUp: 3 }, note: "kept" } });
    // The same body in another key order is the same request.
    const reordered = await put(other, { answers: { note: "kept", ...answers }, timeZone: zone }, headers);
    expect(reordered.statusCode).toBe(200);
  });

  it("keeps no copy of an edited or cleared note in the idempotency store", async () => {
    const other = await signUp(t.app);
    const otherId = (await t.app.inject({ method: "GET", url: "/api/me", headers: { cookie: other.cookie } })).json().user.id as string;
    now = sundayLate;
    const headers = { "idempotency-key": "note-key-000001" };
    const body = { timeZone: zone, answers: { ...answers, note: "first private words" } };
    expect((await put(other, body, headers)).statusCode).toBe(200);
    expect((await put(other, { timeZone: zone, answers })).statusCode).toBe(200);
    const rows = await t.database.db.selectFrom("idempotency_key").select(["response"]).where("user_id", "=", otherId).execute();
    expect(rows).toHaveLength(1);
    // Only a reference to the week is kept, never the response with its note.
    expect(JSON.parse(rows[0]!.response)).toEqual({ week: "2026-W48", timeZone: zone });
    // A late retry of the first request shows the check-in as it is now: the note is gone.
    const retry = await put(other, body, headers);
    expect(retry.statusCode).toBe(200);
    expect(retry.json().checkIn.note).toBeNull();
    expect((await getCurrent(other)).json().checkIn.note).toBeNull();
  });

  it("shows each person only their own check-ins", async () => {
    const stranger = await signUp(t.app);
    now = sundayLate;
    expect((await getCurrent(stranger)).json()).toMatchObject({ week: "2026-W48", checkIn: null });
    const list = await t.app.inject({ method: "GET", url: "/api/check-ins", headers: { cookie: stranger.cookie } });
    expect(list.json()).toMatchObject({ weeks: [], signals: [] });
    expect(list.body).not.toContain("quiet lantern");
  });

  it("lists weeks oldest first with scored answers, note presence, signals and the definition", async () => {
    now = mondayEarly;
    const response = await t.app.inject({ method: "GET", url: `/api/check-ins?timeZone=${zone}`, headers: { cookie: person.cookie } });
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.weeks).toEqual([
      { week: "2026-W48", answers: { ...answers, spokeUp: 1 }, hasNote: true },
      {
        week: "2026-W49",
        answers: { spokeUp: null, feltHeard: null, backedPartner: null, feltBacked: null, friendsFamilyHours: null, wePulse: 6, mePulse: null },
        hasNote: false,
      },
    ]);
    expect(body.signals).toEqual([]);
    expect(body.definition.questions.map((question: { id: string }) => question.id)).toContain("friendsFamilyHours");
    expect(response.body).not.toContain("quiet lantern");
  });

  it("raises the social-withdrawal signal when time with friends and family halves", async () => {
    const someone = await signUp(t.app);
    const start = new Date("2026-09-07T04:00:00Z"); // Monday of 2026-W37
    for (let week = 0; week < 12; week += 1) {
      now = new Date(start.getTime() + week * 7 * 86_400_000);
      const hours = week < 8 ? 10 : 2;
      expect((await put(someone, { timeZone: zone, answers: { friendsFamilyHours: hours } })).statusCode).toBe(200);
    }
    const response = await t.app.inject({ method: "GET", url: "/api/check-ins", headers: { cookie: someone.cookie } });
    const body = response.json();
    expect(body.weeks).toHaveLength(12);
    expect(body.signals).toEqual([expect.objectContaining({ id: "social-withdrawal", practice: "friends-family" })]);
  });

  it("exports the owner's check-ins with notes decrypted", async () => {
    const exported = await listCheckInsForExport(t.database.db, testKeyring, userId);
    expect(exported.map((entry) => [entry.week, entry.note])).toEqual([
      ["2026-W48", "the quiet lantern by the window"],
      ["2026-W49", null],
    ]);
    expect(exported[0]?.timeZone).toBe(zone);
  });

  it("stores past weeks for the demo seeder, note sealed", async () => {
    const seeded = await signUp(t.app);
    const me = await t.app.inject({ method: "GET", url: "/api/me", headers: { cookie: seeded.cookie } });
    const seededId = (me.json() as { user: { id: string } }).user.id;
    await storeCheckInForWeek(t.database.db, testKeyring, seededId, {
      week: "2026-W40",
      timeZone: zone,
      answers: { wePulse: 4, note: "seeded willow note" },
      atMs: Date.UTC(2026, 9, 1),
    });
    const list = await t.app.inject({ method: "GET", url: "/api/check-ins", headers: { cookie: seeded.cookie } });
    expect(list.json().weeks).toEqual([expect.objectContaining({ week: "2026-W40", hasNote: true })]);
    expect(await everyStoredText(t)).not.toContain("willow");
    expect((await listCheckInsForExport(t.database.db, testKeyring, seededId))[0]?.note).toBe("seeded willow note");
  });

  it("deleting the account removes check-ins, idempotency keys and the data key", async () => {
    const leaving = await signUp(t.app);
    now = sundayLate;
    await put(leaving, { timeZone: zone, answers: { ...answers, note: "goodbye note" } }, { "idempotency-key": "leaving-key-01" });
    const me = await t.app.inject({ method: "GET", url: "/api/me", headers: { cookie: leaving.cookie } });
    const leavingId = (me.json() as { user: { id: string } }).user.id;
    await t.database.db.deleteFrom("user").where("id", "=", leavingId).execute();
    for (const table of ["check_in", "idempotency_key", "data_key"] as const) expect(await countRows(t, table, leavingId)).toBe(0);
  });
});
