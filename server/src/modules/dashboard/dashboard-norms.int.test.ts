// Reliable change on the dashboard and the client detail uses the practice's own norms once
// enough of its clients share their profile (decision 017), and says so (normSource); figures
// that would divide by zero (everyone answered alike) leave the provisional norms in place.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  INTERDEPENDENCE_PROFILE_V1 as PROFILE,
  PRACTICE_NORMS_MINIMUM_N,
  PROVISIONAL_NORMS,
  classifyChange,
  scoreProfile,
  summariseAssessment,
  type ClientDetailResponse,
  type CreateClientInviteResponse,
  type DashboardResponse,
  type ScoreNorms,
} from "@mutual/core";
import { seedClients } from "../../../test/seeded-clients.js";
import { buildTestApp, type TestApp } from "../../../test/build-test-app.js";
import { signUp, type TestPerson } from "../../../test/auth-helpers.js";
import { completeProfileVia, fullAnswers } from "../../../test/assessment-helpers.js";
import { createPractice, enrolTwoFactor, getAs, postAs } from "../../../test/practice-helpers.js";
import { dialects } from "../../../test/test-databases.js";
import { createMulberry32 as seededRandom } from "@mutual/core";
import { getPracticeNorms } from "../practice-psychometrics/index.js";

type Answers = Record<string, number>;
const dayMs = 24 * 60 * 60 * 1000;

/**
 * Consistent answerers: one level (2–6) per person and dimension, an item now and then one step
 * off. Alpha comes out near .95, so the practice's SEM is well below the provisional one.
 */
function consistentAnswers(random: () => number): Answers {
  const level = new Map<string, number>();
  const answers: Answers = {};
  for (const item of PROFILE.items) {
    if (!level.has(item.dimension)) level.set(item.dimension, 2 + Math.floor(random() * 5));
    const noise = random() < 0.2 ? (random() < 0.5 ? -1 : 1) : 0;
    const keyed = Math.min(7, Math.max(1, (level.get(item.dimension) as number) + noise));
    answers[item.id] = item.isReverse ? 8 - keyed : keyed;
  }
  return answers;
}

const raisingSafe = [1, 7].find(
  (value) =>
    summariseAssessment(
      PROFILE,
      fullAnswers((_id, isSafe) => (isSafe ? value : 4)),
    ).safetyRaised,
)!;
const calmSafe = raisingSafe === 7 ? 1 : 7;
/** The client's intake: the middle of every scale. */
const before = fullAnswers((_id, isSafe) => (isSafe ? calmSafe : 4));
/** A step closer on every CLOSE item: too small for the provisional norms, real for consistent answerers. */
const after = fullAnswers((id, isSafe) => {
  if (isSafe) return calmSafe;
  const item = PROFILE.items.find((entry) => entry.id === id)!;
  if (item.dimension !== "CLOSE") return 4;
  return item.isReverse ? 3 : 5;
});

const classificationsOf = (norms: ScoreNorms) =>
  Object.fromEntries(
    Object.entries(classifyChange(scoreProfile(PROFILE, before), scoreProfile(PROFILE, after), norms)).map(([key, entry]) => [key, entry!.classification]),
  );

describe.each(dialects)("[%s] dashboard norms: the practice's own once it has enough clients", (dialect) => {
  let t: TestApp;
  let now = Date.UTC(2026, 8, 1, 12);
  const clock = { now: () => new Date(now) };

  /** People made straight in the tables (fast): each the counsellor's client sharing their profile, with one completed profile. */
  const seedPopulation = (practiceId: string, counsellorId: string, takes: readonly Answers[]) =>
    seedClients(
      t.database.db,
      dialect,
      now,
      takes.map((answers) => ({ practiceId, counsellorId, scopes: ["profile"], takes: [answers] })),
    );

  /** A counsellor with a practice, a real client who took `before`, shared their profile, then took `after`; and `population` seeded beside them. */
  async function practiceWith(population: readonly Answers[]): Promise<{ counsellor: TestPerson; practiceId: string; clientId: string }> {
    const counsellor = await signUp(t.app);
    const practiceId = await createPractice(t.app, counsellor, "Norms Practice");
    await enrolTwoFactor(t.app, counsellor);
    const counsellorId = (await t.database.db.selectFrom("user").select("id").where("email", "=", counsellor.email).executeTakeFirstOrThrow()).id;
    const client = await signUp(t.app);
    await completeProfileVia(t.app, client.cookie, before);
    const invited = await postAs(t.app, counsellor, `/api/practices/${practiceId}/client-invites`, { kind: "individual" });
    expect(invited.statusCode, invited.body).toBe(201);
    const accepted = await postAs(t.app, client, "/api/counselling/accept", {
      code: invited.json<CreateClientInviteResponse>().code,
      scopes: ["profile", "check-ins"],
    });
    expect(accepted.statusCode, accepted.body).toBe(200);
    const clientId = accepted.json<{ relations: Array<{ clientId: string }> }>().relations[0]!.clientId;
    now += 30 * dayMs;
    await completeProfileVia(t.app, client.cookie, after, { consent: false });
    await seedPopulation(practiceId, counsellorId, population);
    return { counsellor, practiceId, clientId };
  }

  beforeAll(async () => {
    t = await buildTestApp(dialect, { clock });
  }, 60_000);
  afterAll(async () => t.close());

  it("from the minimum N of profile-sharing clients, reliable change uses the practice's norms and says 'deployment'", async () => {
    const random = seededRandom(20261124);
    const { counsellor, practiceId, clientId } = await practiceWith(Array.from({ length: PRACTICE_NORMS_MINIMUM_N + 10 }, () => consistentAnswers(random)));
    const practiceNorms = await getPracticeNorms(t.database.db, practiceId, { now: now, trustMs: 0 });
    expect(practiceNorms.normSource).toBe("deployment");
    expect(practiceNorms.norms.CLOSE.source).toBe("deployment");
    const expected = classificationsOf(practiceNorms.norms);
    // The data are made so the practice's norms judge this change differently from the provisional ones.
    expect(expected.CLOSE).toBe("improved");
    expect(classificationsOf(PROVISIONAL_NORMS).CLOSE).toBe("no-reliable-change");

    const dashboard = await getAs(t.app, counsellor, `/api/practices/${practiceId}/dashboard?pageSize=100`);
    expect(dashboard.statusCode, dashboard.body).toBe(200);
    const body = dashboard.json<DashboardResponse>();
    expect(body.normSource).toBe("deployment");
    const row = body.rows.find((entry) => entry.clientId === clientId)!;
    const change = row.members[0]!.profile!.change!;
    expect(Object.fromEntries(change.scores.map((entry) => [entry.key, entry.classification]))).toEqual(expected);

    const detail = await getAs(t.app, counsellor, `/api/practices/${practiceId}/clients/${clientId}`);
    expect(detail.statusCode, detail.body).toBe(200);
    const detailBody = detail.json<ClientDetailResponse>();
    expect(detailBody.normSource).toBe("deployment");
    expect(Object.fromEntries(detailBody.members[0]!.profile!.change!.scores.map((entry) => [entry.key, entry.classification]))).toEqual(expected);
  }, 120_000);

  it("figures that would divide by zero (everyone answered alike: SD 0) keep the provisional norms, and the pages still answer", async () => {
    const alike = fullAnswers((_id, isSafe) => (isSafe ? calmSafe : 4));
    const { counsellor, practiceId, clientId } = await practiceWith(Array.from({ length: PRACTICE_NORMS_MINIMUM_N + 10 }, () => alike));
    const practiceNorms = await getPracticeNorms(t.database.db, practiceId, { now: now, trustMs: 0 });
    for (const entry of Object.values(practiceNorms.norms)) {
      expect(Number.isFinite(entry.reliability) && entry.reliability < 1 && entry.sd > 0).toBe(true);
    }
    const dashboard = await getAs(t.app, counsellor, `/api/practices/${practiceId}/dashboard?pageSize=100`);
    expect(dashboard.statusCode, dashboard.body).toBe(200);
    const row = dashboard.json<DashboardResponse>().rows.find((entry) => entry.clientId === clientId)!;
    for (const entry of row.members[0]!.profile!.change!.scores) expect(Number.isFinite(entry.rci), entry.key).toBe(true);
    expect((await getAs(t.app, counsellor, `/api/practices/${practiceId}/clients/${clientId}`)).statusCode).toBe(200);
  }, 120_000);
});
