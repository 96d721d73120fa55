// The instrument on a practice's own clients: reliability over the latest completed profile of
// every client who shares their profile with the practice, for its owners and admins only, as
// aggregates and N. Below the minimum N reliable change keeps the provisional norms; at N the
// practice's norms are exactly core's deriveDeploymentNorms over the same answers.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  addPsychometricsResponse,
  createPsychometricsAccumulator,
  deriveDeploymentNorms,
  INTERDEPENDENCE_PROFILE_V1 as PROFILE,
  PRACTICE_NORMS_MINIMUM_N,
  PRACTICE_PUBLISH_STEP_N,
  PROVISIONAL_NORMS,
  summarisePsychometrics,
  type CounsellingScope,
  type PracticePsychometricsResponse,
  type ScoreNorms,
} from "@mutual/core";
import { seedClients } from "../../../test/seeded-clients.js";
import { buildTestApp, type TestApp } from "../../../test/build-test-app.js";
import { signUp, type TestPerson } from "../../../test/auth-helpers.js";
import { createPractice, enrolTwoFactor, getAs, joinPractice } from "../../../test/practice-helpers.js";
import { dialects } from "../../../test/test-databases.js";
import { createMulberry32 as seededRandom } from "@mutual/core";
import { getPracticeNorms } from "./index.js";

type Answers = Record<string, number>;

function expectSameNorms(actual: ScoreNorms, expected: ScoreNorms): void {
  expect(Object.keys(actual).sort()).toEqual(Object.keys(expected).sort());
  for (const key of Object.keys(expected) as Array<keyof ScoreNorms>) {
    expect(actual[key].source, key).toBe(expected[key].source);
    expect(actual[key].reliability, key).toBeCloseTo(expected[key].reliability, 9);
    expect(actual[key].sd, key).toBeCloseTo(expected[key].sd, 9);
  }
}

/** Answers with a person-level trait per dimension plus item noise, so alpha is positive and realistic. */
function syntheticAnswers(random: () => number): Answers {
  const trait = new Map<string, number>();
  const answers: Answers = {};
  for (const item of PROFILE.items) {
    if (!trait.has(item.dimension)) trait.set(item.dimension, random() * 4 - 2);
    const keyed = 4 + (trait.get(item.dimension) as number) + (random() * 2 - 1) * 1.2;
    const raw = item.isReverse ? 8 - keyed : keyed;
    answers[item.id] = Math.min(7, Math.max(1, Math.round(raw)));
  }
  return answers;
}

describe.each(dialects)("[%s] the instrument on a practice's own clients", (dialect) => {
  let t: TestApp;
  let owner: TestPerson;
  let ownerId: string;
  let counsellor: TestPerson;
  let adminWithoutTwoFactor: TestPerson;
  let stranger: TestPerson;
  const random = seededRandom(20261124);

  const idOf = async (person: TestPerson) =>
    (await t.database.db.selectFrom("user").select("id").where("email", "=", person.email).executeTakeFirstOrThrow()).id;

  /**
   * People made straight in the tables (fast): each a client of `practiceId` with these scopes and
   * one completed profile per answer set, oldest first. Returns what each person answered last.
   */
  const seedPeople = (practiceId: string, people: ReadonlyArray<{ scopes: CounsellingScope[]; takes: Answers[] }>) =>
    seedClients(
      t.database.db,
      dialect,
      Date.now(),
      people.map((person) => ({ practiceId, counsellorId: ownerId, ...person })),
    );

  async function newPractice(name: string): Promise<string> {
    return createPractice(t.app, owner, name);
  }

  const psychometricsOf = (person: TestPerson, practiceId: string) => getAs(t.app, person, `/api/practices/${practiceId}/psychometrics`);

  beforeAll(async () => {
    t = await buildTestApp(dialect);
    [owner, counsellor, adminWithoutTwoFactor, stranger] = await Promise.all([signUp(t.app), signUp(t.app), signUp(t.app), signUp(t.app)]);
    ownerId = await idOf(owner);
    await enrolTwoFactor(t.app, owner);
    await enrolTwoFactor(t.app, counsellor);
    await enrolTwoFactor(t.app, stranger);
    await createPractice(t.app, stranger, "Elsewhere");
  }, 60_000);
  afterAll(async () => t.close());

  it("below the minimum N reliable change keeps the provisional norms, and the answer says so with N", async () => {
    const practiceId = await newPractice("Small practice");
    await seedPeople(
      practiceId,
      Array.from({ length: 30 }, () => ({ scopes: ["profile", "check-ins"], takes: [syntheticAnswers(random)] })),
    );
    const practiceNorms = await getPracticeNorms(t.database.db, practiceId);
    expect(practiceNorms.norms).toEqual(PROVISIONAL_NORMS);
    expect(practiceNorms.normSource).toBe("provisional");

    const response = await psychometricsOf(owner, practiceId);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers["cache-control"]).toBe("no-store");
    const body = response.json<PracticePsychometricsResponse>();
    expect(body).toMatchObject({ normSource: "provisional", minimumN: PRACTICE_NORMS_MINIMUM_N, respondents: 30 });
    for (const dimension of body.dimensions) {
      expect(dimension).toMatchObject({ n: 30, isShown: true, isUsedForChange: false });
      expect(dimension.alpha).toEqual(expect.any(Number));
      expect(dimension.items.length).toBeGreaterThan(1);
      // Under 50 people an item's mean and SD are withheld: one person's answers would show in them.
      for (const item of dimension.items) expect(item).toMatchObject({ mean: null, sd: null, correctedItemTotal: expect.any(Number) });
    }
  });

  it("withholds every statistic of a dimension with fewer people than the floor: N only", async () => {
    const practiceId = await newPractice("Tiny practice");
    await seedPeople(
      practiceId,
      Array.from({ length: 3 }, () => ({ scopes: ["profile"], takes: [syntheticAnswers(random)] })),
    );
    const body = (await psychometricsOf(owner, practiceId)).json<PracticePsychometricsResponse>();
    expect(body.respondents).toBe(3);
    for (const dimension of body.dimensions) {
      expect(dimension).toEqual({
        dimension: dimension.dimension,
        n: 3,
        excludedIncomplete: 0,
        isShown: false,
        isUsedForChange: false,
        alpha: null,
        mean: null,
        sd: null,
        sem: null,
        items: [],
      });
    }
  });

  it("at the minimum N the practice's norms equal core's over the same answers; only profile-sharing clients and their latest profile count", async () => {
    const practiceId = await newPractice("Large practice");
    const counted: Answers[] = [];
    const people: Array<{ scopes: CounsellingScope[]; takes: Answers[] }> = [];
    for (let index = 0; index < PRACTICE_NORMS_MINIMUM_N; index += 1) {
      const latest = syntheticAnswers(random);
      counted.push(latest);
      // Some retook the profile: only the latest is theirs to count, once.
      people.push({
        scopes: index % 2 === 0 ? ["profile", "check-ins"] : ["profile", "safety", "notes"],
        takes: index % 10 === 0 ? [syntheticAnswers(random), latest] : [latest],
      });
    }
    const extreme = (): Answers => Object.fromEntries(PROFILE.items.map((item, position) => [item.id, position % 2 === 0 ? 1 : 7]));
    // Not counted: safety-only, check-ins-only and nothing shared.
    people.push(
      { scopes: ["safety"], takes: [extreme()] },
      { scopes: ["check-ins", "safety", "notes"], takes: [extreme()] },
      { scopes: [], takes: [extreme()] },
    );
    await seedPeople(practiceId, people);
    // A profile-sharing client of another practice does not count here either.
    const other = await newPractice("Neighbouring practice");
    await seedPeople(other, [{ scopes: ["profile"], takes: [extreme()] }]);

    const accumulator = createPsychometricsAccumulator(PROFILE);
    for (const answers of counted) addPsychometricsResponse(accumulator, answers);
    const expected = deriveDeploymentNorms(summarisePsychometrics(accumulator), PRACTICE_NORMS_MINIMUM_N);
    expect(Object.values(expected).some((entry) => entry.source === "deployment")).toBe(true);

    const practiceNorms = await getPracticeNorms(t.database.db, practiceId);
    expect(practiceNorms.respondents).toBe(PRACTICE_NORMS_MINIMUM_N);
    // The same figures as core's, up to the rounding that the order of adding rows brings.
    expectSameNorms(practiceNorms.norms, expected);
    expect(practiceNorms.normSource).toBe("deployment");

    const body = (await psychometricsOf(owner, practiceId)).json<PracticePsychometricsResponse>();
    expect(body.normSource).toBe("deployment");
    for (const dimension of body.dimensions) {
      expect(dimension.n).toBe(PRACTICE_NORMS_MINIMUM_N);
      expect(dimension.isUsedForChange).toBe(expected[dimension.dimension].source === "deployment");
      expect(dimension.alpha).toBeCloseTo(summarisePsychometrics(accumulator).find((entry) => entry.dimension === dimension.dimension)?.alpha ?? Number.NaN, 3);
      // From 50 people item means and SDs are shown, to one decimal only.
      for (const item of dimension.items) {
        for (const value of [item.mean, item.sd]) {
          expect(value).toEqual(expect.any(Number));
          expect(Number((value as number).toFixed(1))).toBe(value);
        }
      }
    }
    // Aggregates only: no person's id, name or answers set.
    expect(body).not.toHaveProperty("clients");
    expect(JSON.stringify(body)).not.toContain("seed-");

    // One client stops sharing their profile: reliable change no longer counts them at once, and N
    // is below the minimum again.
    const sharing = await t.database.db
      .selectFrom("practice_client_member")
      .innerJoin("client_consent", (join) =>
        join.onRef("client_consent.user_id", "=", "practice_client_member.user_id").onRef("client_consent.client_id", "=", "practice_client_member.client_id"),
      )
      .select(["practice_client_member.user_id as userId"])
      .where("practice_client_member.practice_id", "=", practiceId)
      .where("client_consent.scope", "=", "profile")
      .orderBy("practice_client_member.user_id")
      .limit(PRACTICE_PUBLISH_STEP_N)
      .execute();
    const stopSharing = (userId: string) => t.database.db.deleteFrom("client_consent").where("user_id", "=", userId).where("scope", "=", "profile").execute();
    await stopSharing(sharing[0]!.userId);
    const after = await getPracticeNorms(t.database.db, practiceId, { trustMs: 0 });
    expect(after.respondents).toBe(PRACTICE_NORMS_MINIMUM_N - 1);
    expect(after.norms).toEqual(PROVISIONAL_NORMS);
    // The admins' page keeps the figures it published until N moved by ten: comparing the page
    // before and after one person left would otherwise tell that person's answers.
    const published = (await psychometricsOf(owner, practiceId)).json<PracticePsychometricsResponse>();
    expect(published).toEqual(body);
    for (const { userId } of sharing.slice(1, -1)) await stopSharing(userId);
    expect((await psychometricsOf(owner, practiceId)).json<PracticePsychometricsResponse>()).toEqual(body);
    await stopSharing(sharing.at(-1)!.userId);
    const moved = (await psychometricsOf(owner, practiceId)).json<PracticePsychometricsResponse>();
    expect(moved).toMatchObject({ normSource: "provisional", respondents: PRACTICE_NORMS_MINIMUM_N - PRACTICE_PUBLISH_STEP_N });
    expect(moved.computedAt >= body.computedAt).toBe(true);
  }, 60_000);

  it("the dashboard's figures are reused for a minute as they are, then only while their inputs are unchanged", async () => {
    const practiceId = await newPractice("Cached practice");
    await seedPeople(
      practiceId,
      Array.from({ length: 25 }, () => ({ scopes: ["profile"], takes: [syntheticAnswers(random)] })),
    );
    const start = Date.now();
    const first = await getPracticeNorms(t.database.db, practiceId, { now: start });
    expect(first.respondents).toBe(25);
    await seedPeople(practiceId, [{ scopes: ["profile"], takes: [syntheticAnswers(random)] }]);
    // Within the minute: the same figures, without a query, inside a caller's transaction too.
    expect(await getPracticeNorms(t.database.db, practiceId, { now: start + 30_000 })).toBe(first);
    expect(await t.database.db.transaction().execute((trx) => getPracticeNorms(trx, practiceId, { now: start + 30_000 }))).toBe(first);
    // After it, the changed inputs are seen.
    expect((await getPracticeNorms(t.database.db, practiceId, { now: start + 61_000 })).respondents).toBe(26);
    // Unchanged inputs: reused until five minutes, then computed again.
    const second = await getPracticeNorms(t.database.db, practiceId, { now: start + 120_000 });
    expect(second.respondents).toBe(26);
    expect(await getPracticeNorms(t.database.db, practiceId, { now: start + 200_000 })).toBe(second);
    // A check that found them unchanged is trusted for a minute too: not every dashboard page after
    // the first minute pays for the check (it reads every client's profiles; decision 077).
    await seedPeople(practiceId, [{ scopes: ["profile"], takes: [syntheticAnswers(random)] }]);
    expect(await getPracticeNorms(t.database.db, practiceId, { now: start + 230_000 })).toBe(second);
    expect((await getPracticeNorms(t.database.db, practiceId, { now: start + 261_000 })).respondents).toBe(27);
    // Requests that arrive together share one computation.
    const [a, b] = await Promise.all([
      getPracticeNorms(t.database.db, practiceId, { now: start + 1_000_000 }),
      getPracticeNorms(t.database.db, practiceId, { now: start + 1_000_000 }),
    ]);
    expect(a).toBe(b);
  }, 60_000);

  it("is for the practice's owners and admins with two-step sign-in: counsellors 403, admins without it 403, outsiders 404, anonymous 401", async () => {
    const practiceId = await newPractice("Gated practice");
    await joinPractice(t.app, owner, counsellor, practiceId, "counsellor");
    await joinPractice(t.app, owner, adminWithoutTwoFactor, practiceId, "admin");
    const asCounsellor = await psychometricsOf(counsellor, practiceId);
    expect(asCounsellor.statusCode).toBe(403);
    expect(asCounsellor.json()).toMatchObject({ error: { code: "PRACTICE_ROLE_REQUIRED" } });
    const asAdmin = await psychometricsOf(adminWithoutTwoFactor, practiceId);
    expect(asAdmin.statusCode).toBe(403);
    expect(asAdmin.json()).toMatchObject({ error: { code: "TWO_FACTOR_REQUIRED" } });
    expect((await psychometricsOf(stranger, practiceId)).statusCode).toBe(404);
    expect((await psychometricsOf(owner, "no-such-practice")).statusCode).toBe(404);
    expect((await t.app.inject({ method: "GET", url: `/api/practices/${practiceId}/psychometrics` })).statusCode).toBe(401);
    // An admin with two-step sign-in on may look.
    await enrolTwoFactor(t.app, adminWithoutTwoFactor);
    expect((await psychometricsOf(adminWithoutTwoFactor, practiceId)).statusCode).toBe(200);
  });
});
