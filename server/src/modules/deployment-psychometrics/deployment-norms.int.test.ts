// Reliable change of a person's own profile uses this deployment's reliability and SD once a
// scheduled round has measured them on enough profiles (decision 022), and says so per score;
// until then, and for any damaged stored row, the provisional values.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  addPsychometricsResponse,
  classifyChange,
  createPsychometricsAccumulator,
  deriveDeploymentNorms,
  INTERDEPENDENCE_PROFILE_V1 as PROFILE,
  instrumentKeyOf,
  packScoredAnswers,
  PRACTICE_NORMS_MINIMUM_N,
  scoreProfile,
  summarisePsychometrics,
  type ProfileAnswers,
  type ProfileChangeResponse,
} from "@mutual/core";
import { buildTestApp, type TestApp } from "../../../test/build-test-app.js";
import { signUp, type TestPerson } from "../../../test/auth-helpers.js";
import { completeProfileVia } from "../../../test/assessment-helpers.js";
import { dialects } from "../../../test/test-databases.js";
import { createMulberry32 as seededRandom } from "@mutual/core";
import { runRound } from "../../platform/scheduled-job.js";
import { deploymentNormsJob } from "./index.js";

const dayMs = 24 * 60 * 60 * 1000;

/** Answers with a trait per dimension plus noise, so every dimension's alpha is clearly positive. */
function answersFrom(random: () => number): Record<string, number> {
  const trait = new Map<string, number>();
  const answers: Record<string, number> = {};
  for (const item of PROFILE.items) {
    if (!trait.has(item.dimension)) trait.set(item.dimension, random() * 4 - 2);
    const keyed = item.dimension === "SAFE" ? 1 : 4 + (trait.get(item.dimension) as number) + (random() * 2 - 1) * 1.2;
    answers[item.id] = Math.min(7, Math.max(1, Math.round(item.isReverse && item.dimension !== "SAFE" ? 8 - keyed : keyed)));
  }
  return answers;
}

describe.each(dialects)("[%s] reliable change with the deployment's own norms", (dialect) => {
  let t: TestApp;
  let person: TestPerson;
  let now = Date.now();
  const random = seededRandom(2100);
  const everyonesLatest: ProfileAnswers[] = [];
  let before: Record<string, number>;
  let after: Record<string, number>;

  const getChange = async () =>
    (await t.app.inject({ method: "GET", url: "/api/profile/change", headers: { cookie: person.cookie } })).json<ProfileChangeResponse>().change!;

  beforeAll(async () => {
    t = await buildTestApp(dialect, { clock: { now: () => new Date(now) } });
    // 120 people's completed profiles, written straight into the tables (the packed answers as the submit writes them).
    const at = dialect === "sqlite" ? new Date().toISOString() : new Date();
    await t.database.db.transaction().execute(async (trx) => {
      for (let index = 0; index < 120; index += 1) {
        const id = `norms-person-${index}`;
        const answers = answersFrom(random);
        everyonesLatest.push(answers);
        await trx
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
        await trx
          .insertInto("assessment")
          .values({
            id: `norms-a-${index}`,
            user_id: id,
            instrument_id: PROFILE.id,
            instrument_version: PROFILE.version,
            status: "completed",
            started_at: 1,
            completed_at: 2,
          })
          .execute();
        await trx
          .insertInto("assessment_score")
          .values({
            assessment_id: `norms-a-${index}`,
            user_id: id,
            completed_at: 2,
            flag_ids: "[]",
            instrument_key: instrumentKeyOf(PROFILE),
            scored_answers: packScoredAnswers(PROFILE, answers),
          } as never)
          .execute();
      }
    });
    // One person with two profiles of their own, through the API.
    person = await signUp(t.app);
    before = answersFrom(random);
    after = answersFrom(random);
    now = Date.now() - 35 * dayMs;
    await completeProfileVia(t.app, person.cookie, before);
    now = Date.now();
    await completeProfileVia(t.app, person.cookie, after, { consent: false });
    everyonesLatest.push(after);
  });
  afterAll(async () => t.close());

  it("uses the provisional values until a round has measured the deployment", async () => {
    const change = await getChange();
    expect(change.normSource).toBe("provisional");
    expect(change.dimensions.every((row) => row.normSource === "provisional")).toBe(true);
  });

  it("after a round, tests each dimension with the deployment's own reliability and SD, and says which rows still use provisional ones", async () => {
    const outcome = await runRound(t.database, deploymentNormsJob(t.database.db), "round-1", new Date(now));
    expect(outcome).toMatchObject({ ran: true, result: { respondents: 121, fromDeployment: 7 } });
    // A second try of the same round does nothing (one instance per round, decision 021).
    let measuredAgain = false;
    const again = {
      ...deploymentNormsJob(t.database.db),
      prepare: async () => ((measuredAgain = true), Promise.reject(new Error("a done round must not be measured again"))),
    };
    expect(await runRound(t.database, again, "round-1", new Date(now))).toMatchObject({ ran: false, reason: "done" });
    expect(measuredAgain).toBe(false);

    const accumulator = createPsychometricsAccumulator(PROFILE);
    for (const answers of everyonesLatest) addPsychometricsResponse(accumulator, answers);
    const expectedNorms = deriveDeploymentNorms(summarisePsychometrics(accumulator), PRACTICE_NORMS_MINIMUM_N);
    const expected = classifyChange(scoreProfile(PROFILE, before), scoreProfile(PROFILE, after), expectedNorms);

    const change = await getChange();
    expect(change.normSource).toBe("deployment");
    for (const row of change.dimensions) {
      const want = expected[row.key];
      expect(want, row.key).toBeDefined();
      expect(row.rci, row.key).toBeCloseTo(want!.rci, 6);
      expect(row.classification, row.key).toBe(want!.classification);
      // The seven dimensions have their own figures; We, Me and the co-dependency index are composites and stay provisional.
      expect(row.normSource, row.key).toBe(["WE", "ME", "CODEPENDENCY"].includes(row.key) ? "provisional" : "deployment");
    }
    // And the figures differ from the provisional ones, so the test above could tell them apart.
    const provisional = classifyChange(scoreProfile(PROFILE, before), scoreProfile(PROFILE, after));
    expect(change.dimensions.some((row) => Math.abs(row.rci - provisional[row.key]!.rci) > 1e-3)).toBe(true);
  });

  it("reads before and outside the round's transaction, so other requests are served meanwhile", async () => {
    // On SQLite the app has one connection: a query on it from inside a round's transaction would
    // wait for that transaction for ever. The request-like read below must answer while preparing.
    const job = deploymentNormsJob(t.database.db);
    let servedWhilePreparing = false;
    const watched = {
      ...job,
      prepare: async (at: Date) => {
        await t.app.inject({ method: "GET", url: "/api/me", headers: { cookie: person.cookie } });
        servedWhilePreparing = true;
        return job.prepare!(at);
      },
    };
    expect(await runRound(t.database, watched, "round-2", new Date(now))).toMatchObject({ ran: true });
    expect(servedWhilePreparing).toBe(true);
  });

  it("falls back to the provisional values when the stored row is damaged", async () => {
    for (const damaged of ["not json", JSON.stringify({ CLOSE: { reliability: 1, sd: 0, source: "deployment" } })]) {
      await t.database.db.updateTable("deployment_norms").set({ norms: damaged }).where("instrument_key", "=", instrumentKeyOf(PROFILE)).execute();
      const change = await getChange();
      expect(change.normSource).toBe("provisional");
    }
  });
});
