import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { INTERDEPENDENCE_PROFILE_V1, type DimensionCode } from "@mutual/core";
import { buildTestApp, type TestApp } from "../../../test/build-test-app.js";
import { signUp } from "../../../test/auth-helpers.js";
import { completeProfileVia, fullAnswers } from "../../../test/assessment-helpers.js";
import { dialects } from "../../../test/test-databases.js";

const dayMs = 24 * 60 * 60 * 1000;
const items = INTERDEPENDENCE_PROFILE_V1.items;
const safeItems = items.filter((entry) => entry.dimension === "SAFE");

/** Answers placing every dimension at the given keyed level (1 = lowest, 7 = highest). */
function answersAt(levels: Partial<Record<DimensionCode, number>>, fallback = 5): Record<string, number> {
  return fullAnswers((itemId) => {
    const entry = items.find((item) => item.id === itemId)!;
    const keyed = levels[entry.dimension] ?? (entry.dimension === "SAFE" ? 1 : fallback);
    return entry.isReverse ? 8 - keyed : keyed;
  });
}

describe.each(dialects)("[%s] profile", (dialect) => {
  let t: TestApp;
  let now = Date.now();
  beforeAll(async () => {
    t = await buildTestApp(dialect, { clock: { now: () => new Date(now) } });
  });
  afterAll(async () => t.close());

  it("has no profile before a first submitted one", async () => {
    const person = await signUp(t.app);
    const response = await t.app.inject({ method: "GET", url: "/api/profile", headers: { cookie: person.cookie } });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ profile: null, history: [] });
    const change = await t.app.inject({ method: "GET", url: "/api/profile/change", headers: { cookie: person.cookie } });
    expect(change.json()).toEqual({ change: null });
  });

  it("shows seven explained dimensions, the pattern, and flags that suggest practices", async () => {
    const person = await signUp(t.app);
    const id = await completeProfileVia(t.app, person.cookie, answersAt({ VOICE: 1, RELY: 3 }, 6));
    const body = (await t.app.inject({ method: "GET", url: "/api/profile", headers: { cookie: person.cookie } })).json();
    const profile = body.profile;
    expect(profile.assessmentId).toBe(id);
    expect(profile.dimensions.map((entry: { code: string }) => entry.code)).toEqual(["CLOSE", "SUPPORT", "ACCEPT", "VOICE", "SELF", "TIES", "RELY"]);
    const voice = profile.dimensions.find((entry: { code: string }) => entry.code === "VOICE");
    expect(voice).toMatchObject({ axis: "me", score: 0, missingMessage: null });
    expect(voice.drivers.length).toBeGreaterThan(0);
    expect(voice.drivers[0]).toMatchObject({ direction: "lowered" });
    expect(profile.dimensions.find((entry: { code: string }) => entry.code === "RELY").axis).toBe("risk");
    expect(profile.flags.map((flag: { id: string }) => flag.id)).toContain("power-imbalance");
    const flag = profile.flags.find((entry: { id: string }) => entry.id === "power-imbalance");
    // A voice this low can come with control, where couples work may be unsafe: the person chooses.
    expect(flag).toMatchObject({ severity: "high", practice: "speak-up", counselling: "own-or-together" });
    expect(flag.title.length).toBeGreaterThan(0);
    expect(profile.suggestedPractices[0]).toBe("speak-up");
    expect(new Set(profile.suggestedPractices).size).toBe(profile.suggestedPractices.length);
    expect(profile.safety).toEqual({ showResources: false, holdsBackJointExercises: false, skippedCheck: false });
    expect(profile.normSource).toBe("provisional");
    expect(profile.pattern.candidates.length).toBeGreaterThan(0);
    expect(body.history).toEqual([{ assessmentId: id, completedAt: profile.completedAt, we: profile.we, me: profile.me, pattern: profile.pattern.code }]);
  });

  it("a safety concern shows resources privately and never repeats the safety answers", async () => {
    const person = await signUp(t.app);
    await completeProfileVia(t.app, person.cookie, answersAt({ SAFE: 7, VOICE: 1 }));
    const response = await t.app.inject({ method: "GET", url: "/api/profile", headers: { cookie: person.cookie } });
    const profile = response.json().profile;
    expect(profile.safety).toEqual({ showResources: true, holdsBackJointExercises: true, skippedCheck: false });
    const safety = profile.flags.find((flag: { id: string }) => flag.id === "safety");
    expect(safety).toMatchObject({ counselling: "safety-resources" });
    // With a safety concern, joint counselling is not suggested to the owner.
    expect(profile.flags.find((flag: { id: string }) => flag.id === "power-imbalance").counselling).toBe("individual");
    const serialized = response.body.toLowerCase();
    for (const entry of safeItems) {
      expect(serialized).not.toContain(`"${entry.id}"`);
      expect(serialized).not.toContain(entry.text.toLowerCase());
      expect(serialized).not.toContain(entry.plain.toLowerCase());
    }
  });

  it("compares the last two profiles with reliable change, labelled provisional", async () => {
    const person = await signUp(t.app);
    const saved = now;
    try {
      now = Date.now() - 35 * dayMs;
      const first = await completeProfileVia(t.app, person.cookie, answersAt({ VOICE: 2 }, 5));
      now = Date.now();
      const second = await completeProfileVia(t.app, person.cookie, answersAt({ VOICE: 6 }, 5), { consent: false });
      const body = (await t.app.inject({ method: "GET", url: "/api/profile/change", headers: { cookie: person.cookie } })).json();
      expect(body.change.from.assessmentId).toBe(first);
      expect(body.change.to.assessmentId).toBe(second);
      expect(body.change.normSource).toBe("provisional");
      const voice = body.change.dimensions.find((entry: { key: string }) => entry.key === "VOICE");
      expect(voice.classification).toBe("improved");
      expect(voice.difference).toBeCloseTo(voice.after - voice.before);
      expect(body.change.dimensions.find((entry: { key: string }) => entry.key === "CLOSE").classification).toBe("no-reliable-change");
      const history = (await t.app.inject({ method: "GET", url: "/api/profile", headers: { cookie: person.cookie } })).json().history;
      expect(history.map((entry: { assessmentId: string }) => entry.assessmentId)).toEqual([first, second]);
    } finally {
      now = saved;
    }
  });
});
