// Stored score rows (decision 016) are derived data: each must equal scoring the answers again.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Migrator, sql } from "kysely";
import {
  INTERDEPENDENCE_PROFILE_V1,
  SCORE_KEYS,
  deriveFlags,
  scoreNumbersOf,
  scoreProfile,
  screenSafety,
  summariseAssessment,
  type ProfileAnswers,
} from "@mutual/core";
import type { Kysely } from "kysely";
import type { Database } from "../../db/database.js";
import type { DB } from "../../db/schema.js";
import { migrations } from "../../db/migrations/index.js";
import { createTestDatabase, dialects, type TestDatabase } from "../../../test/test-databases.js";
import { testKeyring } from "../../../test/build-test-app.js";
import { listScoresOf, listScoresOfPeople, listSafetyChecksOfPeople } from "./index.js";
import { bringDerivedRowsUpToDate } from "../derived-rows/index.js";
import { submitAssessment } from "./assessment.service.js";
import { listLatestCheckInsOfPeople, storeCheckInForWeek } from "../check-in/index.js";

const items = INTERDEPENDENCE_PROFILE_V1.items;
const dayMs = 24 * 60 * 60 * 1000;

/** Varied answers: a seed per person, so flags fire for some and not others; SAFE answers on their own. */
function answersFor(seed: number, safe: number): ProfileAnswers {
  return Object.fromEntries(items.map((entry, index) => [entry.id, entry.dimension === "SAFE" ? safe : 1 + ((seed * 7 + index * (seed + 3)) % 7)]));
}

async function insertPerson(db: Kysely<DB>, dialect: string): Promise<string> {
  const id = randomUUID();
  const now = new Date();
  await db
    .insertInto("user")
    .values({
      id,
      name: `Person ${id.slice(0, 4)}`,
      email: `${id}@example.test`,
      emailVerified: dialect === "sqlite" ? 0 : false,
      image: null,
      createdAt: dialect === "sqlite" ? now.toISOString() : now,
      updatedAt: dialect === "sqlite" ? now.toISOString() : now,
    })
    .execute();
  return id;
}

async function insertAssessment(db: Kysely<DB>, userId: string, answers: ProfileAnswers, completedAt: number | null): Promise<string> {
  const id = randomUUID();
  await db
    .insertInto("assessment")
    .values({
      id,
      user_id: userId,
      instrument_id: INTERDEPENDENCE_PROFILE_V1.id,
      instrument_version: INTERDEPENDENCE_PROFILE_V1.version,
      status: completedAt === null ? "in_progress" : "completed",
      started_at: (completedAt ?? Date.now()) - 1000,
      completed_at: completedAt,
    })
    .execute();
  await db
    .insertInto("assessment_answer")
    .values(
      Object.entries(answers).map(([itemId, value]) => ({
        assessment_id: id,
        item_id: itemId,
        value: Number(value),
        answered_at: (completedAt ?? Date.now()) - 500,
      })),
    )
    .execute();
  return id;
}

function expectedRow(answers: ProfileAnswers) {
  const profile = scoreProfile(INTERDEPENDENCE_PROFILE_V1, answers);
  const flags = deriveFlags(INTERDEPENDENCE_PROFILE_V1, profile, answers, screenSafety(INTERDEPENDENCE_PROFILE_V1, answers));
  return {
    scores: scoreNumbersOf(profile),
    pattern: profile.pattern.status === "placed" ? profile.pattern.pattern : null,
    flagIds: flags.shareable.map((flag) => flag.id),
    safety: flags.ownerOnly.safety !== null,
  };
}

const onePerson = (db: Kysely<DB>, userId: string) => db.selectFrom("user").select("id as user_id").where("id", "=", userId);

/** What main.ts does after migrating: rows whose rules changed are rebuilt once (decision 052). */
async function startUpAsAServerWould(database: Database): Promise<void> {
  const quiet = { info: () => undefined, debug: () => undefined, error: () => undefined };
  const outcomes = await bringDerivedRowsUpToDate(database, quiet);
  expect(outcomes.every((outcome) => outcome.ran)).toBe(true);
  // Once per version: a second start does nothing.
  expect((await bringDerivedRowsUpToDate(database, quiet)).map((outcome) => outcome.ran)).toEqual(outcomes.map(() => false));
}

describe.each(dialects)("[%s] stored score rows and latest check-ins", (dialect) => {
  let test: TestDatabase;
  let database: Database;

  beforeAll(async () => {
    test = await createTestDatabase(dialect);
    database = test.database;
  });
  afterAll(async () => test.destroy());

  it("a row for every assessment completed before the read models existed, equal to scoring its answers, rebuilt at start-up; and the latest check-in week", async () => {
    const names = Object.keys(migrations);
    const before = names[names.indexOf("20261124T1600_read-models") - 1]!;
    // Pinned to this database's schema, as the app's migrator is (a neighbouring schema's bookkeeping must not count).
    const schema = dialect === "postgres" ? (await sql<{ schema: string }>`select current_schema() as schema`.execute(database.db)).rows[0]?.schema : undefined;
    const migrator = new Migrator({
      db: database.db,
      provider: { getMigrations: async () => migrations },
      ...(schema ? { migrationTableSchema: schema } : {}),
    });
    expect((await migrator.migrateTo(before)).error).toBeUndefined();
    const db = database.db;
    const people: Array<{ userId: string; answers: ProfileAnswers; assessmentId: string }> = [];
    for (let seed = 0; seed < 6; seed += 1) {
      const userId = await insertPerson(db, dialect);
      const answers = answersFor(seed, seed % 2 === 0 ? 7 : 1);
      people.push({ userId, answers, assessmentId: await insertAssessment(db, userId, answers, Date.now() - seed * dayMs) });
    }
    const inProgress = await insertAssessment(db, people[0]!.userId, answersFor(9, 1), null);
    for (const [index, week] of ["2026-W40", "2026-W46", "2026-W44"].entries()) {
      await db
        .insertInto("check_in")
        .values({
          id: randomUUID(),
          user_id: people[1]!.userId,
          iso_week: week,
          time_zone: "UTC",
          spoke_up: 3,
          felt_heard: 3,
          backed_partner: 3,
          felt_backed: 3,
          friends_family_hours: 2,
          we_pulse: 5,
          me_pulse: 5,
          note_sealed: null,
          note_key_id: null,
          created_at: 1000 + index,
          updated_at: 2000 + index,
        })
        .execute();
    }
    expect((await migrator.migrateToLatest()).error).toBeUndefined();
    // The migration only makes the tables (frozen in time); start-up fills them with today's rules.
    expect(await db.selectFrom("assessment_score").select("assessment_id").execute()).toEqual([]);
    await startUpAsAServerWould(database);

    const safetyOf = await listSafetyChecksOfPeople(db, db.selectFrom("user").select("id as user_id"));
    for (const person of people) {
      const [row] = await listScoresOf(db, person.userId);
      const expected = expectedRow(person.answers);
      expect(row).toMatchObject({
        assessmentId: person.assessmentId,
        userId: person.userId,
        scores: expected.scores,
        pattern: expected.pattern,
        flagIds: expected.flagIds,
      });
      expect(safetyOf.get(person.assessmentId)?.raised).toBe(expected.safety);
    }
    // Only completed assessments have a row; half the people raised the safety flag, and no score row carries it.
    expect(await db.selectFrom("assessment_score").select("assessment_id").where("assessment_id", "=", inProgress).execute()).toEqual([]);
    expect(people.filter((person) => safetyOf.get(person.assessmentId)?.raised).length).toBeGreaterThan(0);
    const scoreRow = await db.selectFrom("assessment_score").selectAll().where("assessment_id", "=", people[0]!.assessmentId).executeTakeFirstOrThrow();
    expect(Object.keys(scoreRow).filter((column) => column.includes("safe"))).toEqual([]);
    expect(await listLatestCheckInsOfPeople(db, onePerson(db, people[1]!.userId))).toEqual([
      { userId: people[1]!.userId, week: "2026-W46", updatedAtMs: 2001, isDeclining: false },
    ]);
  });

  it("writes the row in the submit's transaction, equal to scoring the answers, for many kinds of answers", async () => {
    const db = database.db;
    for (let seed = 0; seed < 12; seed += 1) {
      const userId = await insertPerson(db, dialect);
      const answers = answersFor(seed * 5 + 1, 1 + (seed % 7));
      const id = await insertAssessment(db, userId, answers, null);
      const now = Date.UTC(2026, 10, 1) + seed;
      await submitAssessment({ db, clock: { now: () => new Date(now) } }, userId, id);
      const rows = await listScoresOfPeople(db, onePerson(db, userId));
      const expected = expectedRow(answers);
      expect(rows).toEqual([{ assessmentId: id, userId, completedAt: now, scores: expected.scores, pattern: expected.pattern, flagIds: expected.flagIds }]);
      expect(summariseAssessment(INTERDEPENDENCE_PROFILE_V1, answers)).toEqual({
        scores: expected.scores,
        pattern: expected.pattern,
        shareableFlagIds: expected.flagIds,
        safetyRaised: expected.safety,
        safetyCheckSkipped: false,
      });
      expect((await listSafetyChecksOfPeople(db, onePerson(db, userId))).get(id)).toEqual({ raised: expected.safety, skipped: false });
      expect(SCORE_KEYS.every((key) => key in rows[0]!.scores)).toBe(true);
    }
  });

  it("rebuilds a missing row from the answers when it is read", async () => {
    const db = database.db;
    const userId = await insertPerson(db, dialect);
    const answers = answersFor(4, 2);
    const id = await insertAssessment(db, userId, answers, Date.UTC(2026, 9, 1));
    expect(await db.selectFrom("assessment_score").select("assessment_id").where("assessment_id", "=", id).execute()).toEqual([]);
    const [row] = await listScoresOf(db, userId);
    expect(row).toMatchObject({ assessmentId: id, completedAt: Date.UTC(2026, 9, 1), scores: expectedRow(answers).scores });
  });

  it("keeps the latest check-in week in the check-in's transaction; an earlier week written later does not move it", async () => {
    const db = database.db;
    const userId = await insertPerson(db, dialect);
    const answers = { spokeUp: 3, feltHeard: 3, backedPartner: 3, feltBacked: 3, friendsFamilyHours: 2, wePulse: 5, mePulse: 5 };
    await storeCheckInForWeek(db, testKeyring, userId, { week: "2026-W45", timeZone: "UTC", answers, atMs: 5000 });
    await storeCheckInForWeek(db, testKeyring, userId, { week: "2026-W44", timeZone: "UTC", answers, atMs: 6000 });
    expect(await listLatestCheckInsOfPeople(db, onePerson(db, userId))).toEqual([{ userId, week: "2026-W45", updatedAtMs: 5000, isDeclining: false }]);
    await storeCheckInForWeek(db, testKeyring, userId, { week: "2026-W45", timeZone: "UTC", answers, atMs: 7000 });
    await storeCheckInForWeek(db, testKeyring, userId, { week: "2026-W47", timeZone: "UTC", answers, atMs: 8000 });
    expect(await listLatestCheckInsOfPeople(db, onePerson(db, userId))).toEqual([{ userId, week: "2026-W47", updatedAtMs: 8000, isDeclining: false }]);
  });

  it("rebuilds earlier safety rows under the new rule, notes skipped checks, and works out each latest check-in's pulse decline (decision 034, 035)", async () => {
    const db = database.db;
    const names = Object.keys(migrations);
    const before = names[names.indexOf("20261207T1600_safety-check-and-pulse-decline") - 1]!;
    const schema = dialect === "postgres" ? (await sql<{ schema: string }>`select current_schema() as schema`.execute(db)).rows[0]?.schema : undefined;
    const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations }, ...(schema ? { migrationTableSchema: schema } : {}) });
    expect((await migrator.migrateTo(before)).error).toBeUndefined();
    // As an older server stored them: not ruling out being hurt or threatened raised nothing, nor did a skipped check.
    const calm = Object.fromEntries(items.map((entry) => [entry.id, entry.dimension === "SAFE" ? (entry.isReverse ? 7 : 1) : 4]));
    const neutralHarm = await insertPerson(db, dialect);
    const neutralHarmAssessment = await insertAssessment(db, neutralHarm, { ...calm, "safe-3": 4 }, Date.UTC(2026, 9, 1));
    const skipper = await insertPerson(db, dialect);
    const skipperAssessment = await insertAssessment(
      db,
      skipper,
      Object.fromEntries(Object.entries(calm).filter(([id]) => !id.startsWith("safe-"))),
      Date.UTC(2026, 9, 1),
    );
    for (const [assessmentId, userId] of [
      [neutralHarmAssessment, neutralHarm],
      [skipperAssessment, skipper],
    ] as const) {
      await db
        .insertInto("assessment_safety")
        .values({ assessment_id: assessmentId, user_id: userId, raised: 0 } as never)
        .execute();
    }
    // Twelve weeks of a sliding We pulse, with the latest week recorded as an older server did.
    const slider = await insertPerson(db, dialect);
    const pulses = [6, 6, 6, 6, 6, 6, 6, 6, 5, 4, 4, 3];
    for (const [index, wePulse] of pulses.entries()) {
      const week = `2026-W${String(30 + index).padStart(2, "0")}`;
      await db
        .insertInto("check_in")
        .values({
          id: randomUUID(),
          user_id: slider,
          iso_week: week,
          time_zone: "UTC",
          spoke_up: 3,
          felt_heard: 3,
          backed_partner: 3,
          felt_backed: 3,
          friends_family_hours: 2,
          we_pulse: wePulse,
          me_pulse: 5,
          note_sealed: null,
          note_key_id: null,
          created_at: index,
          updated_at: index,
        })
        .execute();
    }
    await db
      .insertInto("check_in_latest")
      .values({ user_id: slider, iso_week: "2026-W41", updated_at: 11 } as never)
      .execute();
    expect((await migrator.migrateToLatest()).error).toBeUndefined();
    // An older server's database has not run today's derivations: start-up rebuilds its rows.
    await db.deleteFrom("job_run").where("job", "like", "derived-rows:%").execute();
    await startUpAsAServerWould(database);

    const safety = await listSafetyChecksOfPeople(db, db.selectFrom("user").select("id as user_id").where("id", "in", [neutralHarm, skipper]));
    expect(safety.get(neutralHarmAssessment)).toEqual({ raised: true, skipped: false });
    expect(safety.get(skipperAssessment)).toEqual({ raised: false, skipped: true });
    expect(await listLatestCheckInsOfPeople(db, onePerson(db, slider))).toEqual([{ userId: slider, week: "2026-W41", updatedAtMs: 11, isDeclining: true }]);
  });
});
