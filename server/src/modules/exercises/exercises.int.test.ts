import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "kysely";
import { PRACTICE_EXERCISES, type ExerciseListResponse } from "@mutual/core";
import { buildTestApp, testKeyring, type TestApp } from "../../../test/build-test-app.js";
import { sameOrigin, signUp as signUpOnly, type TestPerson } from "../../../test/auth-helpers.js";
import { completeProfileVia, fullAnswers } from "../../../test/assessment-helpers.js";
import { giveConsentVia } from "../../../test/assessment-helpers.js";
import { dialects } from "../../../test/test-databases.js";
import { listCompletionsForExport } from "./index.js";

const exerciseId = "speak-up-draft-it-first";

/** A new person who has agreed to the notice (nothing is stored before that). */
async function signUp(app: FastifyInstance): Promise<TestPerson> {
  const person = await signUpOnly(app);
  await giveConsentVia(app, person.cookie);
  return person;
}

describe.each(dialects)("[%s] exercises", (dialect) => {
  let t: TestApp;
  let person: TestPerson;
  let userId: string;

  const list = async (who: TestPerson): Promise<ExerciseListResponse> => {
    const response = await t.app.inject({ method: "GET", url: "/api/exercises", headers: { cookie: who.cookie } });
    expect(response.statusCode).toBe(200);
    return response.json();
  };
  const complete = (who: TestPerson, id: string, payload: object = {}) =>
    t.app.inject({ method: "POST", url: `/api/exercises/${id}/completions`, headers: { ...sameOrigin, cookie: who.cookie }, payload });
  const completions = (who: TestPerson, id: string) =>
    t.app.inject({ method: "GET", url: `/api/exercises/${id}/completions`, headers: { cookie: who.cookie } });

  beforeAll(async () => {
    t = await buildTestApp(dialect);
    person = await signUp(t.app);
    userId = (await t.app.inject({ method: "GET", url: "/api/me", headers: { cookie: person.cookie } })).json<{ user: { id: string } }>().user.id;
  });
  afterAll(async () => t.close());

  it("needs a session", async () => {
    expect((await t.app.inject({ method: "GET", url: "/api/exercises" })).statusCode).toBe(401);
  });

  it("lists every exercise, none suggested or held back before a profile", async () => {
    const body = await list(person);
    expect(body.exercises).toHaveLength(PRACTICE_EXERCISES.length);
    expect(body.exercises.every((exercise) => !exercise.isSuggested && !exercise.isHeldBack && exercise.completions.length === 0)).toBe(true);
    const first = body.exercises.find((exercise) => exercise.id === exerciseId);
    expect(first?.steps.length).toBeGreaterThanOrEqual(3);
  });

  it("marks an exercise done with a private reflection whose plaintext is never stored", async () => {
    const done = await complete(person, exerciseId, { reflection: "the copper kettle conversation" });
    expect(done.statusCode).toBe(201);
    expect(done.json()).toMatchObject({ exerciseId, reflection: "the copper kettle conversation" });
    expect((await complete(person, exerciseId)).statusCode).toBe(201);

    const rows = await sql<Record<string, unknown>>`select * from exercise_completion`.execute(t.database.db);
    const keys = await sql<Record<string, unknown>>`select * from data_key`.execute(t.database.db);
    expect(JSON.stringify([rows.rows, keys.rows])).not.toContain("copper kettle");

    const listed = (await list(person)).exercises.find((exercise) => exercise.id === exerciseId);
    expect(listed?.completions.map((completion) => completion.hasReflection)).toEqual([true, false]);
    const detail = await completions(person, exerciseId);
    expect(detail.json().completions.map((completion: { reflection: string | null }) => completion.reflection)).toEqual([
      "the copper kettle conversation",
      null,
    ]);

    const exported = await listCompletionsForExport(t.database.db, testKeyring, userId);
    expect(exported.map((entry) => [entry.exerciseId, entry.reflection])).toEqual([
      [exerciseId, "the copper kettle conversation"],
      [exerciseId, null],
    ]);
  });

  it("answers a retry with the same Idempotency-Key with the same completion, stored once; another body is refused", async () => {
    const someone = await signUp(t.app);
    const someoneId = (await t.app.inject({ method: "GET", url: "/api/me", headers: { cookie: someone.cookie } })).json().user.id as string;
    const withKey = (payload: object, key: string) =>
      t.app.inject({
        method: "POST",
        url: `/api/exercises/${exerciseId}/completions`,
        headers: { ...sameOrigin, cookie: someone.cookie, "idempotency-key": key },
        payload,
      });
    const first = await withKey({ reflection: "walnut lantern thoughts" }, "done-key-000001");
    expect(first.statusCode).toBe(201);
    const retries = await Promise.all([
      withKey({ reflection: "walnut lantern thoughts" }, "done-key-000001"),
      withKey({ reflection: "walnut lantern thoughts" }, "done-key-000001"),
    ]);
    for (const retry of retries) {
      expect(retry.statusCode).toBe(201);
      expect(retry.json()).toEqual(first.json());
    }
    const rows = await t.database.db.selectFrom("exercise_completion").select("id").where("user_id", "=", someoneId).execute();
    expect(rows).toHaveLength(1);
    const reused = await withKey({ reflection: "something else" }, "done-key-000001");
    expect(reused.statusCode).toBe(422);
    expect(reused.json().error.code).toBe("IDEMPOTENCY_KEY_REUSED");
    expect((await withKey({}, "short")).statusCode).toBe(400);
    expect(await t.database.db.selectFrom("exercise_completion").select("id").where("user_id", "=", someoneId).execute()).toHaveLength(1);
    const stored = await sql<Record<string, unknown>>`select * from idempotency_key`.execute(t.database.db);
    expect(JSON.stringify(stored.rows)).not.toContain("walnut lantern");
  });

  it("refuses unknown exercises, over-long reflections and unknown fields", async () => {
    expect((await complete(person, "no-such-exercise")).statusCode).toBe(404);
    expect((await completions(person, "no-such-exercise")).statusCode).toBe(404);
    expect((await complete(person, exerciseId, { reflection: "x".repeat(4001) })).statusCode).toBe(400);
    expect((await complete(person, exerciseId, { mood: "fine" })).statusCode).toBe(400);
  });

  it("stores nothing before the person agreed to the notice", async () => {
    const early = await signUpOnly(t.app);
    const refused = await complete(early, exerciseId, { reflection: "too soon" });
    expect(refused.statusCode).toBe(403);
    expect(refused.json()).toMatchObject({ error: { code: "CONSENT_REQUIRED" } });
    expect((await completions(early, exerciseId)).json()).toEqual({ completions: [] });
  });

  it("shows each person only their own completions", async () => {
    const stranger = await signUp(t.app);
    const theirs = await completions(stranger, exerciseId);
    expect(theirs.json()).toEqual({ completions: [] });
    expect((await list(stranger)).exercises.every((exercise) => exercise.completions.length === 0)).toBe(true);
  });

  it("suggests exercises from the profile and holds back joint ones when the safety screen raised a concern", async () => {
    const worried = await signUp(t.app);
    await completeProfileVia(
      t.app,
      worried.cookie,
      fullAnswers((itemId, isSafe) => (isSafe ? (itemId === "safe-4" ? 1 : 7) : 4)),
      { consent: false },
    );
    const body = await list(worried);
    const joint = body.exercises.filter((exercise) => exercise.isJoint);
    expect(joint.length).toBeGreaterThan(0);
    expect(joint.every((exercise) => exercise.isHeldBack && !exercise.isSuggested)).toBe(true);
    expect(body.exercises.filter((exercise) => !exercise.isJoint).every((exercise) => !exercise.isHeldBack)).toBe(true);
    const suggested = body.exercises.filter((exercise) => exercise.isSuggested);
    expect(suggested.length).toBeGreaterThan(0);
    expect(suggested.every((exercise) => exercise.suggestionReason !== null)).toBe(true);

    const calm = await signUp(t.app);
    await completeProfileVia(
      t.app,
      calm.cookie,
      fullAnswers((itemId, isSafe) => (isSafe ? (itemId === "safe-4" ? 7 : 1) : 4)),
      { consent: false },
    );
    expect((await list(calm)).exercises.some((exercise) => exercise.isHeldBack)).toBe(false);
  });

  it("gives the exercises, their steps and why one is suggested in the page's language; a completion's title follows it too", async () => {
    const kavi = await signUp(t.app);
    await completeProfileVia(
      t.app,
      kavi.cookie,
      fullAnswers((itemId, isSafe) => (isSafe ? (itemId === "safe-4" ? 7 : 1) : 4)),
      { consent: false },
    );
    const inTamil = await t.app.inject({ method: "GET", url: "/api/exercises", headers: { cookie: kavi.cookie, "accept-language": "ta-SG,ta;q=0.9" } });
    expect(inTamil.statusCode).toBe(200);
    const tamil = inTamil.json<ExerciseListResponse>();
    const english = await list(kavi);
    const circle = tamil.exercises.find((exercise) => exercise.id === "friends-family-draw-your-circle");
    expect(circle?.title).toBe("உங்கள் வட்டத்தை வரையுங்கள்");
    expect(circle?.steps[0]).toBe("ஒரு தாளின் நடுவில் உங்கள் பெயரை எழுதுங்கள்.");
    // The same exercises, in the same order, suggested alike: only the words differ.
    const shape = (body: ExerciseListResponse) =>
      body.exercises.map(({ id, practice, minutes, isJoint, isSuggested, isHeldBack }) => ({ id, practice, minutes, isJoint, isSuggested, isHeldBack }));
    expect(shape(tamil)).toEqual(shape(english));
    const suggested = tamil.exercises.find((exercise) => exercise.isSuggested);
    expect(suggested?.suggestionReason).toMatch(/[\u0B80-\u0BFF]/);
    expect(english.exercises.find((exercise) => exercise.isSuggested)?.suggestionReason).toMatch(/^[\x20-\x7e]+$/);

    expect((await complete(kavi, "friends-family-draw-your-circle", { reflection: "நன்றாக இருந்தது" })).statusCode).toBe(201);
    const exported = await t.app.inject({ method: "GET", url: "/api/export", headers: { cookie: kavi.cookie, "accept-language": "ms" } });
    const completion = exported.json<{ exerciseCompletions: Array<{ exerciseId: string; title: string }> }>().exerciseCompletions[0];
    // In the export: the title a person reads in Malay, the id a program reads as always.
    expect(completion).toMatchObject({ exerciseId: "friends-family-draw-your-circle", title: "Lukis lingkaran anda" });
  });
});
