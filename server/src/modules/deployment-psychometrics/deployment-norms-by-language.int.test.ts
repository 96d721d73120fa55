// Reliable change of a person's own profile uses the norms of the language they answered in once
// that language has its own (decision 087): both profiles in that language, a round stored its
// figures, and the answer names the language on each row that used them. Otherwise the shared ones.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  addPsychometricsResponse,
  chooseNormsForLanguage,
  classifyChange,
  createPsychometricsAccumulator,
  deriveDeploymentNorms,
  INTERDEPENDENCE_PROFILE_V1 as PROFILE,
  instrumentKeyOf,
  packScoredAnswers,
  PRACTICE_NORMS_MINIMUM_N,
  PROVISIONAL_NORMS,
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
import { computeDeploymentPsychometrics, deploymentNormsJob } from "./index.js";

const dayMs = 24 * 60 * 60 * 1000;
const COMPOSITES = ["WE", "ME", "CODEPENDENCY"];

/** A trait per dimension plus noise; `noise` sets how reliable the answers are, so two languages' norms differ. */
function answersFrom(random: () => number, noise: number): Record<string, number> {
  const trait = new Map<string, number>();
  const answers: Record<string, number> = {};
  for (const item of PROFILE.items) {
    if (!trait.has(item.dimension)) trait.set(item.dimension, random() * 4 - 2);
    const keyed = item.dimension === "SAFE" ? 1 : 4 + (trait.get(item.dimension) as number) + (random() * 2 - 1) * noise;
    answers[item.id] = Math.min(7, Math.max(1, Math.round(item.isReverse && item.dimension !== "SAFE" ? 8 - keyed : keyed)));
  }
  return answers;
}

const normsOf = (people: readonly ProfileAnswers[]) => {
  const accumulator = createPsychometricsAccumulator(PROFILE);
  for (const answers of people) addPsychometricsResponse(accumulator, answers);
  return deriveDeploymentNorms(summarisePsychometrics(accumulator), PRACTICE_NORMS_MINIMUM_N);
};

describe.each(dialects)("[%s] reliable change with the norms of the person's language", (dialect) => {
  let t: TestApp;
  let person: TestPerson;
  let now = Date.now();
  const random = seededRandom(8700);
  const latestByLanguage: Record<string, ProfileAnswers[]> = { en: [], ta: [] };
  let before: Record<string, number>;
  let after: Record<string, number>;
  let personsAssessments: string[];

  const getChange = async () =>
    (await t.app.inject({ method: "GET", url: "/api/profile/change", headers: { cookie: person.cookie } })).json<ProfileChangeResponse>().change!;
  // Where the app keeps it: on the assessment and on its score row (decision 093).
  const setLanguages = async (beforeLanguage: string, afterLanguage: string) => {
    for (const [id, language] of [
      [personsAssessments[0]!, beforeLanguage],
      [personsAssessments[1]!, afterLanguage],
    ] as const) {
      await t.database.db.updateTable("assessment").set({ language }).where("id", "=", id).execute();
      await t.database.db.updateTable("assessment_score").set({ language }).where("assessment_id", "=", id).execute();
    }
  };

  beforeAll(async () => {
    t = await buildTestApp(dialect, { clock: { now: () => new Date(now) } });
    const at = dialect === "sqlite" ? new Date().toISOString() : new Date();
    // 110 people answered in English and 120 in Tamil; Tamil's answers are noisier (a lower alpha).
    const people = [
      ...Array.from({ length: 110 }, () => ({ language: "en", answers: answersFrom(random, 1) })),
      ...Array.from({ length: 120 }, () => ({ language: "ta", answers: answersFrom(random, 2.2) })),
    ];
    await t.database.db.transaction().execute(async (trx) => {
      for (const [index, { language, answers }] of people.entries()) {
        const id = `language-person-${index}`;
        latestByLanguage[language]!.push(answers);
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
            id: `language-a-${index}`,
            user_id: id,
            instrument_id: PROFILE.id,
            instrument_version: PROFILE.version,
            status: "completed",
            started_at: 1,
            completed_at: 2,
            language,
          })
          .execute();
        await trx
          .insertInto("assessment_score")
          .values({
            assessment_id: `language-a-${index}`,
            user_id: id,
            completed_at: 2,
            flag_ids: "[]",
            instrument_key: instrumentKeyOf(PROFILE),
            scored_answers: packScoredAnswers(PROFILE, answers),
          } as never)
          .execute();
      }
    });
    person = await signUp(t.app);
    before = answersFrom(random, 2.2);
    after = answersFrom(random, 2.2);
    now = Date.now() - 35 * dayMs;
    await completeProfileVia(t.app, person.cookie, before);
    now = Date.now();
    await completeProfileVia(t.app, person.cookie, after, { consent: false });
    personsAssessments = (
      await t.database.db
        .selectFrom("assessment")
        .innerJoin("user", "user.id", "assessment.user_id")
        .select("assessment.id")
        .where("user.email", "=", person.email)
        .orderBy("assessment.completed_at")
        .execute()
    ).map((row) => row.id);
    expect(personsAssessments).toHaveLength(2);
    // The person answered both in Tamil (written here directly: the app's own writing of it is separate work).
    await setLanguages("ta", "ta");
    latestByLanguage.ta!.push(after);
    expect((await runRound(t.database, deploymentNormsJob(t.database.db), "round-1", new Date(now))).ran).toBe(true);
  }, 60_000);
  afterAll(async () => t.close());

  it("tests each dimension with Tamil's own reliability and SD when both profiles were in Tamil, and names Tamil on those rows", async () => {
    const tamil = normsOf(latestByLanguage.ta!);
    const shared = normsOf([...latestByLanguage.en!, ...latestByLanguage.ta!]);
    const expected = classifyChange(
      scoreProfile(PROFILE, before),
      scoreProfile(PROFILE, after),
      chooseNormsForLanguage(shared, { ta: tamil }, "ta", "ta").norms,
    );
    const change = await getChange();
    expect(change.normLanguage).toBe("ta");
    for (const row of change.dimensions) {
      expect(row.rci, row.key).toBeCloseTo(expected[row.key]!.rci, 6);
      expect(row.normLanguage, row.key).toBe(COMPOSITES.includes(row.key) ? null : "ta");
    }
    // Tamil's figures are not the shared ones, so the test above could tell them apart.
    const onShared = classifyChange(scoreProfile(PROFILE, before), scoreProfile(PROFILE, after), shared);
    expect(change.dimensions.some((row) => Math.abs(row.rci - onShared[row.key]!.rci) > 1e-3)).toBe(true);
  });

  it("uses the shared norms when the two profiles were answered in two languages, or in a language without its own", async () => {
    const shared = normsOf([...latestByLanguage.en!, ...latestByLanguage.ta!]);
    try {
      await setLanguages("en", "ta");
      const expected = classifyChange(scoreProfile(PROFILE, before), scoreProfile(PROFILE, after), shared);
      const mixed = await getChange();
      expect(mixed.normLanguage).toBeNull();
      for (const row of mixed.dimensions) {
        expect(row.normLanguage).toBeNull();
        expect(row.rci, row.key).toBeCloseTo(expected[row.key]!.rci, 6);
      }
      // Malay has no people of its own here: the shared figures, said as such.
      await setLanguages("ms", "ms");
      const malay = await getChange();
      expect(malay.normLanguage).toBeNull();
      expect(malay.normSource).toBe("deployment");
    } finally {
      await setLanguages("ta", "ta");
    }
  });

  it("falls back to the shared norms when the stored norms by language are damaged", async () => {
    for (const damaged of ["not json", JSON.stringify({ ta: { CLOSE: { reliability: 1, sd: 0, source: "deployment" } } })]) {
      await t.database.db.updateTable("deployment_norms").set({ norms_by_language: damaged }).where("instrument_key", "=", instrumentKeyOf(PROFILE)).execute();
      const change = await getChange();
      expect(change.normLanguage).toBeNull();
      expect(change.normSource).toBe("deployment");
    }
  });

  it("the operator's report has the same figures by language and runs the screen once both languages reach 50", async () => {
    const result = await computeDeploymentPsychometrics(t.database.db, { screenItems: true });
    expect(result.byLanguage.map((entry) => [entry.language, entry.respondents])).toEqual([
      ["ta", 121],
      ["en", 110],
    ]);
    // The person's own latest profile counts in Tamil.
    expect(result.byLanguage.find((entry) => entry.language === "ta")!.norms).not.toEqual(PROVISIONAL_NORMS);
    expect(result.itemsByLanguage.map((entry) => [entry.language, entry.screened])).toEqual([
      ["en", true],
      ["ta", true],
    ]);
    // The scheduled job does not keep answers for the screen.
    expect((await computeDeploymentPsychometrics(t.database.db)).itemsByLanguage).toEqual([]);
  });
});
