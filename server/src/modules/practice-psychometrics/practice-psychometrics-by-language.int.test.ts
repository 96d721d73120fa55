// The practice's psychometrics by the language each client's latest profile was answered in
// (decision 087): the same figures per language, shown only where that language reaches the same
// floors, and the screen for items that read differently in one language (decision 067) named on
// the page's answer once each language and the rest have 50 people.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createMulberry32,
  INTERDEPENDENCE_PROFILE_V1 as PROFILE,
  listDimensionItems,
  SCORED_DIMENSIONS,
  type PracticePsychometricsResponse,
} from "@mutual/core";
import { seedClients } from "../../../test/seeded-clients.js";
import { buildTestApp, type TestApp } from "../../../test/build-test-app.js";
import { signUp, type TestPerson } from "../../../test/auth-helpers.js";
import { createPractice, enrolTwoFactor, getAs, joinPractice } from "../../../test/practice-helpers.js";
import { dialects } from "../../../test/test-databases.js";

type Answers = Record<string, number>;

/** The item planted to read differently in Malay: the second Voice question. */
const plantedItem = listDimensionItems(PROFILE, "VOICE")[1]!.id;

/**
 * People answering from one level per dimension plus each item's own noise, cut to the 1–7 scale.
 * With `plantedShift`, the planted item reads that much higher (in latent SDs) for these people.
 */
function simulator(seed: number) {
  const random = createMulberry32(seed);
  const normal = () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
  const difficulty = new Map(PROFILE.items.map((item, index) => [item.id, ((index * 37) % 11) / 10 - 0.5]));
  return (plantedShift = 0): Answers => {
    const answers: Answers = {};
    for (const dimension of SCORED_DIMENSIONS) {
      const level = normal();
      for (const item of listDimensionItems(PROFILE, dimension)) {
        const shift = item.id === plantedItem ? plantedShift : 0;
        const keyed = Math.min(7, Math.max(1, Math.round(4 + 1.3 * (level + (difficulty.get(item.id) as number) + shift + 0.8 * normal()))));
        answers[item.id] = item.isReverse ? 8 - keyed : keyed;
      }
    }
    return answers;
  };
}

describe.each(dialects)("[%s] a practice's psychometrics by language", (dialect) => {
  let t: TestApp;
  let owner: TestPerson;
  let ownerId: string;
  let counsellor: TestPerson;
  let stranger: TestPerson;

  const seed = (practiceId: string, language: string, people: number, answer: () => Answers) =>
    seedClients(
      t.database.db,
      dialect,
      Date.now(),
      Array.from({ length: people }, () => ({ practiceId, counsellorId: ownerId, scopes: ["profile"] as const, takes: [answer()], language })),
    );
  const psychometricsOf = async (person: TestPerson, practiceId: string) => getAs(t.app, person, `/api/practices/${practiceId}/psychometrics`);
  const figuresOf = async (practiceId: string) => {
    const response = await psychometricsOf(owner, practiceId);
    expect(response.statusCode, response.body).toBe(200);
    return response.json<PracticePsychometricsResponse>();
  };
  const screenOf = (body: PracticePsychometricsResponse, language: string) => body.itemsByLanguage.languages.find((entry) => entry.language === language);

  beforeAll(async () => {
    t = await buildTestApp(dialect);
    [owner, counsellor, stranger] = await Promise.all([signUp(t.app), signUp(t.app), signUp(t.app)]);
    ownerId = (await t.database.db.selectFrom("user").select("id").where("email", "=", owner.email).executeTakeFirstOrThrow()).id;
    await enrolTwoFactor(t.app, owner);
    await enrolTwoFactor(t.app, counsellor);
    await enrolTwoFactor(t.app, stranger);
  }, 60_000);
  afterAll(async () => t.close());

  it("shows a language's figures only from the same floor as everyone's, and screens no item until both groups reach 50", async () => {
    const practiceId = await createPractice(t.app, owner, "Two languages, one small");
    const answer = simulator(1);
    await seed(practiceId, "en", 30, () => answer());
    await seed(practiceId, "ta", 12, () => answer());
    const body = await figuresOf(practiceId);
    expect(body.respondents).toBe(42);
    expect(body.languages.map((entry) => [entry.language, entry.respondents])).toEqual([
      ["en", 30],
      ["ta", 12],
    ]);
    const [english, tamil] = body.languages;
    for (const dimension of english!.dimensions) {
      expect(dimension).toMatchObject({ n: 30, isShown: true, isUsedForChange: false, alpha: expect.any(Number) });
      // Under 50 people in the language, item means stay withheld as they are over everyone.
      for (const item of dimension.items) expect(item).toMatchObject({ mean: null, sd: null });
    }
    // Twelve people in Tamil: N only, never a figure.
    for (const dimension of tamil!.dimensions)
      expect(dimension).toMatchObject({ n: 12, isShown: false, alpha: null, mean: null, sd: null, sem: null, items: [] });
    expect(tamil!.normSource).toBe("provisional");
    expect(body.itemsByLanguage.minimumPerGroup).toBe(50);
    expect(body.itemsByLanguage.languages).toEqual([
      { language: "en", people: 30, otherPeople: 12, screened: false, items: [] },
      { language: "ta", people: 12, otherPeople: 30, screened: false, items: [] },
    ]);
  }, 60_000);

  it("names the item planted to read differently in Malay, with its size and direction, and nothing else there", async () => {
    const practiceId = await createPractice(t.app, owner, "Planted item");
    const answer = simulator(2);
    await seed(practiceId, "en", 120, () => answer());
    await seed(practiceId, "ms", 120, () => answer(1));
    const body = await figuresOf(practiceId);
    const malay = screenOf(body, "ms");
    expect(malay).toMatchObject({ people: 120, otherPeople: 120, screened: true });
    expect(malay!.items).toEqual([{ itemId: plantedItem, dimension: "VOICE", effectSize: expect.any(Number), direction: "higher" }]);
    expect(malay!.items[0]!.effectSize).toBeGreaterThan(0.25);
    // Both languages reach 100 in every area: each shows its own figures, items included.
    for (const language of body.languages) {
      expect(language.normSource).toBe("deployment");
      for (const dimension of language.dimensions) {
        expect(dimension).toMatchObject({ n: 120, isShown: true });
        for (const item of dimension.items) expect(item.mean).toEqual(expect.any(Number));
      }
    }
  }, 120_000);

  it("flags no item when both languages read the questions alike", async () => {
    const practiceId = await createPractice(t.app, owner, "No planted item");
    const answer = simulator(3);
    await seed(practiceId, "en", 80, () => answer());
    await seed(practiceId, "zh-Hans", 80, () => answer());
    const body = await figuresOf(practiceId);
    expect(body.itemsByLanguage.languages).toEqual([
      { language: "en", people: 80, otherPeople: 80, screened: true, items: [] },
      { language: "zh-Hans", people: 80, otherPeople: 80, screened: true, items: [] },
    ]);
  }, 120_000);

  it("is for the practice's owners and admins only, as the figures over everyone are", async () => {
    const practiceId = await createPractice(t.app, owner, "Gated by language");
    const answer = simulator(4);
    await seed(practiceId, "en", 5, () => answer());
    await seed(practiceId, "ta", 5, () => answer());
    await joinPractice(t.app, owner, counsellor, practiceId, "counsellor");
    const asCounsellor = await psychometricsOf(counsellor, practiceId);
    expect(asCounsellor.statusCode).toBe(403);
    expect(asCounsellor.body).not.toContain("itemsByLanguage");
    expect((await psychometricsOf(stranger, practiceId)).statusCode).toBe(404);
    expect((await t.app.inject({ method: "GET", url: `/api/practices/${practiceId}/psychometrics` })).statusCode).toBe(401);
  });
});
