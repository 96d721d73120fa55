// The instrument over the whole deployment (decision 022): the latest completed profile of every
// person, read from the packed answers each score row keeps, must give exactly the statistics that
// scoring the stored answers gives — whatever the page size, with retakes, unfinished profiles and
// other instrument versions about — and rows from before the packed column are backfilled.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Migrator, sql, type Kysely } from "kysely";
import {
  addPsychometricsResponse,
  createPsychometricsAccumulator,
  INTERDEPENDENCE_PROFILE_V1 as PROFILE,
  instrumentKeyOf,
  packScoredAnswers,
  SCORE_KEYS,
  summariseAssessment,
  summarisePsychometrics,
  type DimensionPsychometrics,
  type ProfileAnswers,
} from "@mutual/core";
import type { DB } from "../../db/schema.js";
import { migrateToLatest } from "../../db/migrate.js";
import { migrations } from "../../db/migrations/index.js";
import { createTestDatabase, dialects, type TestDatabase } from "../../../test/test-databases.js";
import { createMulberry32 as seededRandom } from "@mutual/core";
import { submitAssessment } from "../assessment/index.js";
import { computeDeploymentPsychometrics } from "./index.js";
import { bringDerivedRowsUpToDate } from "../derived-rows/index.js";

/** Answers with a trait per dimension plus noise, so alpha is well above 0 (skipped items: core's unit tests). */
function answersFrom(random: () => number): ProfileAnswers {
  const trait = new Map<string, number>();
  const answers: Record<string, number> = {};
  for (const item of PROFILE.items) {
    if (!trait.has(item.dimension)) trait.set(item.dimension, random() * 4 - 2);
    const keyed = 4 + (trait.get(item.dimension) as number) + (random() * 2 - 1) * 1.2;
    answers[item.id] = Math.min(7, Math.max(1, Math.round(item.isReverse ? 8 - keyed : keyed)));
  }
  return answers;
}

/** Equal up to floating-point rounding: rows are added in another order (by person id) than the test's. */
function expectSameStatistics(actual: DimensionPsychometrics[], expected: DimensionPsychometrics[]): void {
  const rounded = (value: unknown): unknown =>
    typeof value === "number"
      ? Math.round(value * 1e9) / 1e9
      : Array.isArray(value)
        ? value.map(rounded)
        : value && typeof value === "object"
          ? Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, rounded(inner)]))
          : value;
  expect(rounded(actual)).toEqual(rounded(expected));
  expect(expected.every((dimension) => dimension.n === 30 && (dimension.alpha ?? 0) > 0.5)).toBe(true);
}

describe.each(dialects)("[%s] the instrument over the whole deployment", (dialect) => {
  let test: TestDatabase;
  let db: Kysely<DB>;
  const random = seededRandom(22);

  beforeAll(async () => {
    test = await createTestDatabase(dialect);
    await migrateToLatest(test.database);
    db = test.database.db;
  });
  afterAll(async () => test.destroy());

  async function insertPerson(): Promise<string> {
    const id = randomUUID();
    const now = new Date();
    const at = dialect === "sqlite" ? now.toISOString() : now;
    await db
      .insertInto("user")
      .values({
        id,
        name: "Person",
        email: `${id}@example.test`,
        emailVerified: dialect === "sqlite" ? 0 : false,
        image: null,
        createdAt: at,
        updatedAt: at,
      } as never)
      .execute();
    return id;
  }

  async function insertAssessment(userId: string, answers: ProfileAnswers, version = PROFILE.version): Promise<string> {
    const id = randomUUID();
    await db
      .insertInto("assessment")
      .values({ id, user_id: userId, instrument_id: PROFILE.id, instrument_version: version, status: "in_progress", started_at: 1, completed_at: null })
      .execute();
    const rows = Object.entries(answers).map(([itemId, value]) => ({ assessment_id: id, item_id: itemId, value: Number(value), answered_at: 2 }));
    if (rows.length > 0) await db.insertInto("assessment_answer").values(rows).execute();
    return id;
  }

  /** A profile taken through the real submit, which writes the score row with its packed answers. */
  async function completeProfile(userId: string, answers: ProfileAnswers, completedAt: number): Promise<string> {
    const id = await insertAssessment(userId, answers);
    await submitAssessment({ db, clock: { now: () => new Date(completedAt) } }, userId, id);
    return id;
  }

  it("counts each person once, by their latest completed profile, equal to scoring the answers, at any page size", async () => {
    const latest: ProfileAnswers[] = [];
    for (let person = 0; person < 30; person += 1) {
      const userId = await insertPerson();
      const takes = 1 + (person % 3);
      // A third take is completed at the same moment as the second: the larger assessment id is
      // the latest then, as everywhere else (the index's third key).
      const taken: Array<{ id: string; completedAt: number; answers: ProfileAnswers }> = [];
      for (let take = 0; take < takes; take += 1) {
        const answers = answersFrom(random);
        const completedAt = Date.UTC(2026, 9, 1 + Math.min(take, 1)) + (person % 2);
        taken.push({ id: await completeProfile(userId, answers, completedAt), completedAt, answers });
      }
      taken.sort((a, b) => a.completedAt - b.completedAt || (a.id < b.id ? -1 : 1));
      latest.push(taken.at(-1)!.answers);
      // An unfinished retake counts for nothing.
      if (person % 4 === 0) await insertAssessment(userId, answersFrom(random));
    }
    // A person whose only profile is of another instrument version is not counted, nor is that row.
    const other = await insertPerson();
    const otherId = await insertAssessment(other, answersFrom(random));
    const otherSummary = summariseAssessment(PROFILE, answersFrom(random));
    await db
      .insertInto("assessment_score")
      .values({
        assessment_id: otherId,
        user_id: other,
        completed_at: Date.UTC(2026, 9, 9),
        ...Object.fromEntries(SCORE_KEYS.map((key) => [key.toLowerCase(), otherSummary.scores[key]])),
        pattern: otherSummary.pattern,
        flag_ids: "[]",
        instrument_key: `${PROFILE.id}@0.9.0`,
        scored_answers: "7".repeat(10),
      } as never)
      .execute();

    const expected = createPsychometricsAccumulator(PROFILE);
    for (const answers of latest) addPsychometricsResponse(expected, answers);
    for (const pageSize of [1, 2, 7, 10_000]) {
      const progress: number[] = [];
      const result = await computeDeploymentPsychometrics(db, { pageSize, onProgress: (count) => progress.push(count) });
      expect(result.respondents).toBe(30);
      expect(result.unreadable).toBe(0);
      expectSameStatistics(result.summary, summarisePsychometrics(expected));
      expect(result.instrument).toEqual({ id: PROFILE.id, version: PROFILE.version });
      if (pageSize === 1) expect(progress.length).toBeGreaterThan(30);
    }
    // Under 100 complete responses per dimension, reliable change keeps the provisional norms.
    expect(Object.values((await computeDeploymentPsychometrics(db)).norms).every((norm) => norm.source === "provisional")).toBe(true);
  });

  it("reads a damaged packed row as unreadable rather than as answers", async () => {
    const userId = await insertPerson();
    await completeProfile(userId, answersFrom(random), Date.UTC(2026, 10, 1));
    const before = await computeDeploymentPsychometrics(db);
    await db.updateTable("assessment_score").set({ scored_answers: "12" }).where("user_id", "=", userId).execute();
    const after = await computeDeploymentPsychometrics(db);
    expect(after.respondents).toBe(before.respondents - 1);
    expect(after.unreadable).toBe(before.unreadable + 1);
    expect(after.summary.map((dimension) => dimension.n)).toEqual(before.summary.map((dimension) => dimension.n - 1));
  });

  it("reads a latest profile without an instrument key (an older server's write during an upgrade) as unreadable, not its older one as the latest", async () => {
    const userId = await insertPerson();
    await completeProfile(userId, answersFrom(random), Date.UTC(2026, 10, 2));
    await completeProfile(userId, answersFrom(random), Date.UTC(2026, 10, 3));
    const before = await computeDeploymentPsychometrics(db);
    await db
      .updateTable("assessment_score")
      .set({ instrument_key: null, scored_answers: null })
      .where("user_id", "=", userId)
      .where("completed_at", "=", Date.UTC(2026, 10, 3))
      .execute();
    const after = await computeDeploymentPsychometrics(db);
    expect([after.respondents, after.unreadable]).toEqual([before.respondents - 1, before.unreadable + 1]);
  });

  it("fills the packed answers of profiles completed before the column existed, at start-up", async () => {
    const names = Object.keys(migrations);
    const before = names[names.indexOf("20261124T2000_packed-answers") - 1]!;
    const schema = dialect === "postgres" ? (await sql<{ schema: string }>`select current_schema() as schema`.execute(db)).rows[0]?.schema : undefined;
    const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations }, ...(schema ? { migrationTableSchema: schema } : {}) });
    expect((await migrator.migrateTo(before)).error).toBeUndefined();
    const userId = await insertPerson();
    const answers = answersFrom(random);
    const assessmentId = await insertAssessment(userId, answers);
    await db.updateTable("assessment").set({ status: "completed", completed_at: 5 }).where("id", "=", assessmentId).execute();
    const summary = summariseAssessment(PROFILE, answers);
    await db
      .insertInto("assessment_score")
      .values({
        assessment_id: assessmentId,
        user_id: userId,
        completed_at: 5,
        ...Object.fromEntries(SCORE_KEYS.map((key) => [key.toLowerCase(), summary.scores[key]])),
        pattern: summary.pattern,
        flag_ids: "[]",
      } as never)
      .execute();
    expect((await migrator.migrateToLatest()).error).toBeUndefined();
    // The migration only adds the columns (frozen in time); start-up fills them (decision 052).
    await db.deleteFrom("job_run").where("job", "like", "derived-rows:%").execute();
    await bringDerivedRowsUpToDate(test.database, { info: () => undefined, debug: () => undefined, error: () => undefined });
    const row = await db
      .selectFrom("assessment_score")
      .select(["instrument_key", "scored_answers"])
      .where("assessment_id", "=", assessmentId)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ instrument_key: instrumentKeyOf(PROFILE), scored_answers: packScoredAnswers(PROFILE, answers) });
    // Every completed profile's row got its packed answers.
    const unpacked = await db
      .selectFrom("assessment_score")
      .innerJoin("assessment", "assessment.id", "assessment_score.assessment_id")
      .select("assessment.id")
      .where("assessment.status", "=", "completed")
      .where("assessment_score.scored_answers", "is", null)
      .execute();
    expect(unpacked).toEqual([]);
  });
});
