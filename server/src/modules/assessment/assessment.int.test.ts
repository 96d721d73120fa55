import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { INTERDEPENDENCE_PROFILE_V1, orderItemSections } from "@mutual/core";
import { buildTestApp, type TestApp } from "../../../test/build-test-app.js";
import { getMe, sameOrigin, sessionCookieFrom, signIn, signUp } from "../../../test/auth-helpers.js";
import { completeProfileVia, fullAnswers, giveConsentVia, saveVia, startVia, submitVia } from "../../../test/assessment-helpers.js";
import { dialects } from "../../../test/test-databases.js";

const dayMs = 24 * 60 * 60 * 1000;
const items = INTERDEPENDENCE_PROFILE_V1.items;
const firstItem = items[0]!.id;

describe.each(dialects)("[%s] assessment", (dialect) => {
  let t: TestApp;
  let now = Date.now();
  beforeAll(async () => {
    t = await buildTestApp(dialect, { clock: { now: () => new Date(now) } });
  });
  afterAll(async () => t.close());

  async function answerRowCount(assessmentId: string): Promise<number> {
    const rows = await t.database.db.selectFrom("assessment_answer").select("item_id").where("assessment_id", "=", assessmentId).execute();
    return rows.length;
  }

  it("refuses to start before consent (403) and stores no answer", async () => {
    const person = await signUp(t.app);
    const userId = (await getMe(t.app, person.cookie)).json().user.id as string;
    const started = await startVia(t.app, person.cookie);
    expect(started.statusCode).toBe(403);
    expect(started.json().error.code).toBe("CONSENT_REQUIRED");
    const saved = await saveVia(t.app, person.cookie, "00000000-0000-0000-0000-000000000000", firstItem, 5);
    expect(saved.statusCode).toBe(403);
    const assessments = await t.database.db.selectFrom("assessment").select("id").where("user_id", "=", userId).execute();
    expect(assessments).toHaveLength(0);
    const current = await t.app.inject({ method: "GET", url: "/api/assessments/current", headers: { cookie: person.cookie } });
    expect(current.json()).toEqual({ inProgress: null, completedCount: 0, lastCompletedAt: null, retakeAvailableAt: null });
  });

  it("starts in the person's own item order, with the private safety check last", async () => {
    const person = await signUp(t.app);
    const userId = (await getMe(t.app, person.cookie)).json().user.id as string;
    await giveConsentVia(t.app, person.cookie);
    const started = await startVia(t.app, person.cookie);
    expect(started.statusCode).toBe(200);
    const body = started.json();
    const expected = orderItemSections(INTERDEPENDENCE_PROFILE_V1, userId);
    expect(body.sections.map((section: { id: string }) => section.id)).toEqual(["profile", "safety-check"]);
    expect(body.sections.map((section: { items: Array<{ id: string }> }) => section.items.map((entry) => entry.id))).toEqual(
      expected.map((section) => section.itemIds),
    );
    expect(body).toMatchObject({ answers: {}, answeredCount: 0, totalCount: items.length });
    expect(body.scale).toHaveLength(7);
    // A second start (another tap, another device) returns the same one.
    expect((await startVia(t.app, person.cookie)).json().id).toBe(body.id);
  });

  it("starts only one profile when several devices start at the same moment", async () => {
    const person = await signUp(t.app);
    const userId = (await getMe(t.app, person.cookie)).json().user.id as string;
    await giveConsentVia(t.app, person.cookie);
    const responses = await Promise.all(Array.from({ length: 5 }, () => startVia(t.app, person.cookie)));
    expect(responses.map((response) => response.statusCode)).toEqual([200, 200, 200, 200, 200]);
    expect(new Set(responses.map((response) => response.json().id)).size).toBe(1);
    const rows = await t.database.db.selectFrom("assessment").select("id").where("user_id", "=", userId).execute();
    expect(rows).toHaveLength(1);
  });

  it("resumes on a second device with the answers saved so far", async () => {
    const person = await signUp(t.app);
    await giveConsentVia(t.app, person.cookie);
    const id = (await startVia(t.app, person.cookie)).json().id as string;
    const [a, b, c] = items;
    await saveVia(t.app, person.cookie, id, a!.id, 2);
    await saveVia(t.app, person.cookie, id, b!.id, 6);
    await saveVia(t.app, person.cookie, id, a!.id, 3); // changed their mind
    const other = sessionCookieFrom(await signIn(t.app, person.email, person.password));
    expect(other).not.toBe(person.cookie);
    const current = await t.app.inject({ method: "GET", url: "/api/assessments/current", headers: { cookie: other } });
    expect(current.statusCode).toBe(200);
    expect(current.json().inProgress).toMatchObject({ id, answers: { [a!.id]: 3, [b!.id]: 6 }, answeredCount: 2 });
    expect(current.json().inProgress.answers[c!.id]).toBeUndefined();
    const first = await t.app.inject({ method: "GET", url: "/api/assessments/current", headers: { cookie: person.cookie } });
    expect(first.json().inProgress.sections).toEqual(current.json().inProgress.sections);
  });

  it("saves the same answer twice idempotently: one row, the same counts", async () => {
    const person = await signUp(t.app);
    await giveConsentVia(t.app, person.cookie);
    const id = (await startVia(t.app, person.cookie)).json().id as string;
    const once = await saveVia(t.app, person.cookie, id, firstItem, 5);
    const twice = await saveVia(t.app, person.cookie, id, firstItem, 5);
    expect(once.statusCode).toBe(200);
    expect(twice.json()).toEqual(once.json());
    expect(once.json()).toEqual({ answeredCount: 1, totalCount: items.length });
    expect(await answerRowCount(id)).toBe(1);
  });

  it("accepts only whole answers from 1 to 7 to questions of the profile", async () => {
    const person = await signUp(t.app);
    await giveConsentVia(t.app, person.cookie);
    const id = (await startVia(t.app, person.cookie)).json().id as string;
    for (const value of [0, 8, 3.5, "4", null]) {
      expect((await saveVia(t.app, person.cookie, id, firstItem, value)).statusCode).toBe(400);
    }
    const unknown = await saveVia(t.app, person.cookie, id, "no-such-item", 4);
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.code).toBe("UNKNOWN_ITEM");
    expect(await answerRowCount(id)).toBe(0);
  });

  it("keeps someone else's assessment invisible (404) and unchanged", async () => {
    const owner = await signUp(t.app);
    const stranger = await signUp(t.app);
    await giveConsentVia(t.app, owner.cookie);
    await giveConsentVia(t.app, stranger.cookie);
    const id = (await startVia(t.app, owner.cookie)).json().id as string;
    await saveVia(t.app, owner.cookie, id, firstItem, 2);
    expect((await saveVia(t.app, stranger.cookie, id, firstItem, 7)).statusCode).toBe(404);
    expect((await submitVia(t.app, stranger.cookie, id)).statusCode).toBe(404);
    const discard = await t.app.inject({ method: "DELETE", url: `/api/assessments/${id}`, headers: { origin: sameOrigin.origin, cookie: stranger.cookie } });
    expect(discard.statusCode).toBe(404);
    const theirs = await t.app.inject({ method: "GET", url: "/api/assessments/current", headers: { cookie: stranger.cookie } });
    expect(theirs.json().inProgress).toBeNull();
    const mine = await t.app.inject({ method: "GET", url: "/api/assessments/current", headers: { cookie: owner.cookie } });
    expect(mine.json().inProgress.answers).toEqual({ [firstItem]: 2 });
  });

  it("refuses to submit while a dimension lacks answers (422 INCOMPLETE, naming it)", async () => {
    const person = await signUp(t.app);
    await giveConsentVia(t.app, person.cookie);
    const id = (await startVia(t.app, person.cookie)).json().id as string;
    const answers = fullAnswers();
    for (const entry of items.filter((item) => item.dimension === "VOICE").slice(0, 3)) delete answers[entry.id];
    for (const [itemId, value] of Object.entries(answers)) await saveVia(t.app, person.cookie, id, itemId, value);
    const submitted = await submitVia(t.app, person.cookie, id);
    expect(submitted.statusCode).toBe(422);
    expect(submitted.json().error.code).toBe("INCOMPLETE");
    expect(submitted.json().error.fields.map((field: { path: string }) => field.path)).toEqual(["VOICE"]);
  });

  it("refuses unknown fields in an answer (400)", async () => {
    const person = await signUp(t.app);
    await giveConsentVia(t.app, person.cookie);
    const id = (await startVia(t.app, person.cookie)).json().id as string;
    const response = await t.app.inject({
      method: "PUT",
      url: `/api/assessments/${id}/answers/${firstItem}`,
      headers: { ...sameOrigin, cookie: person.cookie },
      payload: { value: 5, itemId: "other" },
    });
    expect(response.statusCode).toBe(400);
  });

  it("refuses an answer saved while a submit is committing, so a submitted profile never changes", async () => {
    const person = await signUp(t.app);
    await giveConsentVia(t.app, person.cookie);
    const id = (await startVia(t.app, person.cookie)).json().id as string;
    for (const [itemId, value] of Object.entries(fullAnswers())) await saveVia(t.app, person.cookie, id, itemId, value);
    // A submit holds its transaction open while a save arrives; the save must wait and then refuse.
    let save: Promise<Awaited<ReturnType<typeof saveVia>>> | undefined;
    await t.database.db.transaction().execute(async (trx) => {
      await trx.updateTable("assessment").set({ status: "completed", completed_at: now }).where("id", "=", id).execute();
      save = saveVia(t.app, person.cookie, id, firstItem, 7);
      await new Promise((resolve) => setTimeout(resolve, 300));
    });
    const saved = await save!;
    expect(saved.statusCode).toBe(409);
    const row = await t.database.db
      .selectFrom("assessment_answer")
      .select("value")
      .where("assessment_id", "=", id)
      .where("item_id", "=", firstItem)
      .executeTakeFirstOrThrow();
    expect(Number(row.value)).toBe(4);
  });

  it("serialises saves racing a submit: once completed, no answer differs from what the submit read", async () => {
    for (let round = 0; round < 10; round += 1) {
      const person = await signUp(t.app);
      await giveConsentVia(t.app, person.cookie);
      const id = (await startVia(t.app, person.cookie)).json().id as string;
      for (const [itemId, value] of Object.entries(fullAnswers())) await saveVia(t.app, person.cookie, id, itemId, value);
      const [saved, submitted] = await Promise.all([saveVia(t.app, person.cookie, id, firstItem, 7), submitVia(t.app, person.cookie, id)]);
      expect(submitted.statusCode).toBe(200);
      expect([200, 409]).toContain(saved.statusCode);
      const row = await t.database.db
        .selectFrom("assessment_answer")
        .select("value")
        .where("assessment_id", "=", id)
        .where("item_id", "=", firstItem)
        .executeTakeFirstOrThrow();
      // A refused save left the answer as submitted; an accepted one came before the submit.
      expect(Number(row.value)).toBe(saved.statusCode === 200 ? 7 : 4);
    }
  });

  it("submits into a profile, then keeps the answers as they were and offers a retake after 28 days", async () => {
    // Better Auth keeps real time for sessions, so the first profile is taken in the past rather than the clock moved on.
    const person = await signUp(t.app);
    const saved = now;
    now = Date.now() - 29 * dayMs;
    try {
      const id = await completeProfileVia(t.app, person.cookie);
      const completedAt = new Date(now).toISOString();
      expect((await saveVia(t.app, person.cookie, id, firstItem, 7)).statusCode).toBe(409);
      expect((await submitVia(t.app, person.cookie, id)).json()).toEqual({ assessmentId: id });
      const current = await t.app.inject({ method: "GET", url: "/api/assessments/current", headers: { cookie: person.cookie } });
      expect(current.json()).toEqual({
        inProgress: null,
        completedCount: 1,
        lastCompletedAt: completedAt,
        retakeAvailableAt: new Date(now + 28 * dayMs).toISOString(),
      });
      const profile = await t.app.inject({ method: "GET", url: "/api/profile", headers: { cookie: person.cookie } });
      expect(profile.json().profile).toMatchObject({ assessmentId: id, completedAt, we: 50, me: 50 });
      const early = await startVia(t.app, person.cookie);
      expect(early.statusCode).toBe(409);
      expect(early.json().error.code).toBe("RETAKE_TOO_EARLY");
      now = Date.now();
      const retake = await startVia(t.app, person.cookie);
      expect(retake.statusCode).toBe(200);
      expect(retake.json().id).not.toBe(id);
    } finally {
      now = saved;
    }
  });

  it("discards a profile in progress with its answers", async () => {
    const person = await signUp(t.app);
    await giveConsentVia(t.app, person.cookie);
    const id = (await startVia(t.app, person.cookie)).json().id as string;
    await saveVia(t.app, person.cookie, id, firstItem, 4);
    const discarded = await t.app.inject({ method: "DELETE", url: `/api/assessments/${id}`, headers: { origin: sameOrigin.origin, cookie: person.cookie } });
    expect(discarded.statusCode).toBe(204);
    expect(await answerRowCount(id)).toBe(0);
    const current = await t.app.inject({ method: "GET", url: "/api/assessments/current", headers: { cookie: person.cookie } });
    expect(current.json().inProgress).toBeNull();
  });
});
