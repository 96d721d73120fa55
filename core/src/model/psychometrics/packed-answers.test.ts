import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { INTERDEPENDENCE_PROFILE_V1 as PROFILE } from "../instrument/profile-v1.js";
import type { ProfileAnswers } from "../instrument/profile-answers.js";
import { addPackedPsychometricsResponse, instrumentKeyOf, packScoredAnswers } from "./packed-answers.js";
import { addPsychometricsResponse, createPsychometricsAccumulator, summarisePsychometrics } from "./profile-psychometrics.js";

const scoredIds = PROFILE.items.filter((entry) => entry.dimension !== "SAFE").map((entry) => entry.id);
const safeIds = PROFILE.items.filter((entry) => entry.dimension === "SAFE").map((entry) => entry.id);

/** Answers as people (and damaged rows) leave them: mostly on the scale, some skipped, a few invalid. */
const answerValue = fc.oneof(
  { weight: 20, arbitrary: fc.integer({ min: 1, max: 7 }) },
  { weight: 2, arbitrary: fc.constant(undefined) },
  { weight: 1, arbitrary: fc.constantFrom(0, 8, 2.5, -1, 70) },
);
const answerSet = fc.tuple(...PROFILE.items.map(() => answerValue)).map((values) => {
  const answers: Record<string, number> = {};
  PROFILE.items.forEach((entry, index) => {
    const value = values[index];
    if (value !== undefined) answers[entry.id] = value;
  });
  return answers as ProfileAnswers;
});

describe("packed scored answers", () => {
  it("hold one character per scored item, the answer's digit or '-', and nothing of the safety screen", () => {
    const answers: Record<string, number> = Object.fromEntries(PROFILE.items.map((entry, index) => [entry.id, 1 + (index % 7)]));
    answers[scoredIds[0] as string] = 9; // off the scale
    delete answers[scoredIds[1] as string]; // skipped
    const packed = packScoredAnswers(PROFILE, answers);
    expect(packed).toHaveLength(scoredIds.length);
    expect(packed.slice(0, 2)).toBe("--");
    expect(packed.slice(2)).toMatch(/^[1-7]+$/);
    // Changing any safety answer changes nothing in the packed string.
    const safer = { ...answers, ...Object.fromEntries(safeIds.map((id) => [id, 7])) };
    expect(packScoredAnswers(PROFILE, safer)).toBe(packed);
    expect(safeIds.length).toBeGreaterThan(0);
  });

  it("give exactly the statistics the answers themselves give", () => {
    fc.assert(
      fc.property(fc.array(answerSet, { minLength: 3, maxLength: 40 }), (people) => {
        const fromAnswers = createPsychometricsAccumulator(PROFILE);
        const fromPacked = createPsychometricsAccumulator(PROFILE);
        for (const answers of people) {
          addPsychometricsResponse(fromAnswers, answers);
          expect(addPackedPsychometricsResponse(fromPacked, packScoredAnswers(PROFILE, answers))).toBe(true);
        }
        expect(summarisePsychometrics(fromPacked)).toEqual(summarisePsychometrics(fromAnswers));
      }),
      { numRuns: 60 },
    );
  });

  it("refuse a string of another length whole, and count stray characters as unanswered", () => {
    const acc = createPsychometricsAccumulator(PROFILE);
    expect(addPackedPsychometricsResponse(acc, "1234")).toBe(false);
    expect(addPackedPsychometricsResponse(acc, `${"4".repeat(scoredIds.length)}5`)).toBe(false);
    expect(summarisePsychometrics(acc).every((dimension) => dimension.n === 0 && dimension.excludedIncomplete === 0)).toBe(true);
    // One stray character spoils only its own dimension's row.
    expect(addPackedPsychometricsResponse(acc, `x${"4".repeat(scoredIds.length - 1)}`)).toBe(true);
    const summary = summarisePsychometrics(acc);
    const firstDimension = PROFILE.items.find((entry) => entry.id === scoredIds[0])?.dimension;
    for (const dimension of summary) expect([dimension.n, dimension.excludedIncomplete]).toEqual(dimension.dimension === firstDimension ? [0, 1] : [1, 0]);
  });

  it("name the instrument version they belong to", () => {
    expect(instrumentKeyOf(PROFILE)).toBe(`${PROFILE.id}@${PROFILE.version}`);
  });
});
