// Nothing a partner sees may depend on the owner's SAFE answers: not the words (the matrix
// searches for those) and not anything derived from them either, such as a couple flag that
// turns into "safety resources", joint exercises that pause, or a missing number.
//
// Two couples are built alike in every way but the private parts: owner A's safety check raised
// a concern and A wrote a check-in note and an exercise reflection; owner B's check raised none
// and B wrote neither. Each partner shares everything and reads every GET route; with names, ids
// and times normalised, partner A's answers must equal partner B's, byte for byte (so not even
// whether a note exists reaches a partner).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FastifyInstance } from "fastify";
import { INTERDEPENDENCE_PROFILE_V1, SHARE_SCOPES } from "@mutual/core";
import { buildTestApp, type TestApp } from "../build-test-app.js";
import { sameOrigin } from "../auth-helpers.js";
import { completeProfileVia } from "../assessment-helpers.js";
import { linkCouple, setShares } from "../couple-helpers.js";
import { dialects } from "../test-databases.js";
import { declaredRoutes } from "../../src/http/route-access.js";
import { calmAnswers, newPerson, soloExerciseId, timeZone, worryingAnswers, type Person } from "./privacy-scenarios.js";

const checkInAnswers = { spokeUp: 3, feltHeard: 2, backedPartner: 4, feltBacked: 3, friendsFamilyHours: 4, wePulse: 5, mePulse: 4 };

/** Non-SAFE answers are the same for both owners; only the SAFE items differ. */
const sameScores = (answers: Record<string, number>, safe: Record<string, number>) =>
  Object.fromEntries(Object.entries(answers).map(([itemId, value]) => [itemId, itemId.startsWith("safe-") ? safe[itemId]! : value]));

const closeItems = new Map(INTERDEPENDENCE_PROFILE_V1.items.filter((item) => item.dimension === "CLOSE").map((item) => [item.id, item.isReverse]));

/**
 * Feeling distant (the lowest Closeness), the rest as given: when both partners answer so, the
 * couple flag "couple-low-intimacy" fires, so a leak through flags (one turned individual, or
 * dropped) would show up in the comparison below.
 */
const distant = (answers: Record<string, number>) =>
  Object.fromEntries(Object.entries(answers).map(([itemId, value]) => [itemId, closeItems.has(itemId) ? (closeItems.get(itemId) ? 7 : 1) : value]));

/** GET urls a partner can call, one per declared GET route (the public ones too). */
function partnerReadUrls(app: FastifyInstance): string[] {
  const urls: Record<string, string> = {
    "/api/check-ins/current": `/api/check-ins/current?timeZone=${encodeURIComponent(timeZone)}`,
    "/api/check-ins": `/api/check-ins?timeZone=${encodeURIComponent(timeZone)}`,
    "/api/exercises/:exerciseId/completions": `/api/exercises/${soloExerciseId}/completions`,
    "/api/auth/*": "/api/auth/get-session",
  };
  return declaredRoutes(app)
    .filter((route) => route.method === "GET")
    .map((route) => urls[route.url] ?? route.url);
}

describe.each(dialects)("[%s] a partner's view does not depend on the owner's SAFE answers, notes or reflections", (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp(dialect);
  });
  afterAll(async () => t.close());

  async function couple(label: string, safeAnswers: Record<string, number>, privateWords: string | undefined): Promise<{ owner: Person; partner: Person }> {
    const owner = await newPerson(t.app, `Owner${label}`);
    await completeProfileVia(t.app, owner.cookie, distant(sameScores(calmAnswers, safeAnswers)));
    const checkIn = await t.app.inject({
      method: "PUT",
      url: "/api/check-ins/current",
      headers: { ...sameOrigin, cookie: owner.cookie },
      payload: { timeZone, answers: privateWords === undefined ? checkInAnswers : { ...checkInAnswers, note: privateWords } },
    });
    expect(checkIn.statusCode).toBe(200);
    const done = await t.app.inject({
      method: "POST",
      url: `/api/exercises/${soloExerciseId}/completions`,
      headers: { ...sameOrigin, cookie: owner.cookie },
      payload: privateWords === undefined ? {} : { reflection: privateWords },
    });
    expect(done.statusCode).toBe(201);
    const partner = await newPerson(t.app, `Partner${label}`);
    await completeProfileVia(t.app, partner.cookie, distant(calmAnswers));
    await linkCouple(t.app, owner, partner);
    for (const who of [owner, partner]) expect((await setShares(t.app, who, SHARE_SCOPES)).statusCode).toBe(200);
    return { owner, partner };
  }

  it("answers partner A exactly as partner B, though only owner A's safety check raised a concern and only A wrote a note and a reflection", async () => {
    const a = await couple("A", worryingAnswers, "words only owner A may read");
    const b = await couple("B", calmAnswers, undefined);
    // The owners' own profiles do differ (the check is not vacuous).
    const ownProfiles = await Promise.all(
      [a, b].map(async ({ owner }) => (await t.app.inject({ method: "GET", url: "/api/profile", headers: { cookie: owner.cookie } })).json()),
    );
    expect(ownProfiles[0].profile.safety.showResources).toBe(true);
    expect(ownProfiles[1].profile.safety.showResources).toBe(false);

    // And partner A does see owner A's shared scores (the comparison below is not of two empty reports).
    const reportA = (await t.app.inject({ method: "GET", url: "/api/couple/report", headers: { cookie: a.partner.cookie } })).json();
    expect(reportA.map.partners).not.toBeNull();
    expect(reportA.isReady).toBe(true);
    // Both feel distant: the couple flag is there, in the calm partner's own terms (relationship
    // counselling), whatever owner A's screen said. Partner B's must match it below.
    expect(reportA.flags).toContainEqual(expect.objectContaining({ id: "couple-low-intimacy", counselling: "relationship" }));

    const normalise = (body: string, { owner, partner }: { owner: Person; partner: Person }) =>
      body
        .replaceAll(owner.name, "<owner>")
        .replaceAll(partner.name, "<partner>")
        .replaceAll(partner.email, "<email>")
        .replaceAll(partner.userId, "<user-id>")
        .replaceAll(`"${partner.ip}"`, '"<ip>"')
        .replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi, "<uuid>")
        .replace(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z/g, "<time>")
        .replace(/"(id|token|sessionId|userId)":"[A-Za-z0-9_-]{16,}"/g, '"$1":"<id>"');
    const differences: string[] = [];
    const urls = partnerReadUrls(t.app);
    for (const url of urls) {
      const [answerA, answerB] = await Promise.all([a, b].map((scene) => t.app.inject({ method: "GET", url, headers: { cookie: scene.partner.cookie } })));
      if (answerA!.statusCode !== answerB!.statusCode) differences.push(`${url}: status ${answerA!.statusCode} vs ${answerB!.statusCode}`);
      const [bodyA, bodyB] = [normalise(answerA!.body, a), normalise(answerB!.body, b)];
      if (bodyA !== bodyB) differences.push(`${url}:\n  A: ${bodyA.slice(0, 600)}\n  B: ${bodyB.slice(0, 600)}`);
    }
    console.log(`[${dialect}] SAFE independence: ${urls.length} GET routes compared for two partners`);
    expect(differences).toEqual([]);
  });
});
