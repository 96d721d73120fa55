// Every word the model writes for people is held to the bar its items meet: Flesch–Kincaid grade 8
// or lower (docs/model.md, §2). Explanations are built from answers, so they are checked over many
// random answer sets, not one example.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { PRACTICE_EXERCISES } from "../practices/practice-exercises.js";
import { READING_GRADE_LIMIT, readingGrade, textsAboveGrade } from "../testing/reading-grade.js";
import { compareCouple } from "./couple/compare-couple.js";
import { deriveFlags } from "./flags/derive-flags.js";
import { INTERDEPENDENCE_PROFILE_V1 as PROFILE } from "./instrument/profile-v1.js";
import { scoreProfile, screenSafety } from "./scoring/score-profile.js";
import { deriveTrendFlags, type CheckInPoint } from "./trends/check-in-trends.js";
import { addIsoWeeks } from "./trends/iso-week.js";

const point = fc.integer({ min: 1, max: 7 });
const answerSets = fc
  .tuple(...PROFILE.items.map(() => fc.option(point, { nil: undefined, freq: 8 })))
  .map((values) => Object.fromEntries(PROFILE.items.map((entry, index) => [entry.id, values[index]])));
const score = fc.double({ min: 0, max: 100, noNaN: true });

describe("the model's words, at the items' reading level", () => {
  it("every flag's explanation, the person's and the couple's, whatever the answers (the safety flag's included)", () => {
    // The measure itself can fail, so a pass below means something.
    expect(
      readingGrade("Notwithstanding considerable interpersonal ambivalence, I systematically prioritise organisational responsibilities."),
    ).toBeGreaterThan(READING_GRADE_LIMIT);
    expect(textsAboveGrade({ plain: "You can say no.", hard: "Intersubjective attunement necessitates reciprocal acknowledgement." })).toEqual({
      hard: expect.any(Number),
    });
    fc.assert(
      fc.property(answerSets, (answers) => {
        const flags = deriveFlags(PROFILE, scoreProfile(PROFILE, answers), answers, screenSafety(PROFILE, answers)).ownerOnly.flags;
        expect(textsAboveGrade(Object.fromEntries(flags.map((flag) => [flag.id, flag.explanation])))).toEqual({});
      }),
      { numRuns: 300 },
    );
    fc.assert(
      fc.property(fc.tuple(score, score, score, score, score, score), ([voiceA, voiceB, closeA, closeB, giving, receiving]) => {
        const a = { dimensions: { VOICE: voiceA, CLOSE: closeA }, subscales: { giving, receiving: 100 - giving } };
        const b = { dimensions: { VOICE: voiceB, CLOSE: closeB }, subscales: { giving: 100 - receiving, receiving } };
        const flags = compareCouple(a, b, { labels: { a: "Sam", b: "Alex" } }).flags;
        expect(textsAboveGrade(Object.fromEntries(flags.map((flag, index) => [`${flag.id}-${index}`, flag.explanation])))).toEqual({});
      }),
      { numRuns: 300 },
    );
  });

  it("every trend signal, for the person and for whoever they share check-ins with", () => {
    const now = "2026-W10";
    const weeks = (values: Array<Partial<CheckInPoint>>) => values.map((value, index) => ({ week: addIsoWeeks(now, index - (values.length - 1)), ...value }));
    const sliding = [6, 6, 6, 6, 6, 6, 6, 6, 5, 4, 4, 3];
    const series = [
      weeks(sliding.map((wePulse, index) => ({ wePulse, friendsFamilyHours: index < 8 ? 10 : 1 }))),
      weeks(sliding.map((mePulse) => ({ mePulse }))),
      weeks(sliding.map((pulse) => ({ wePulse: pulse, mePulse: pulse }))),
    ];
    let checked = 0;
    for (const points of series) {
      for (const reader of ["self", "other"] as const) {
        const flags = deriveTrendFlags(points, now, reader);
        checked += flags.length;
        expect(textsAboveGrade(Object.fromEntries(flags.map((flag) => [`${reader} ${flag.id}`, flag.explanation])))).toEqual({});
      }
    }
    expect(checked).toBe(8);
  });

  it("every score's explanation and every dimension's summary", () => {
    fc.assert(
      fc.property(answerSets, (answers) => {
        const profile = scoreProfile(PROFILE, answers);
        const texts: Record<string, string> = {};
        for (const [code, entry] of Object.entries(profile.dimensions)) if (entry.status === "scored") texts[code] = entry.explanation.text;
        expect(textsAboveGrade(texts)).toEqual({});
      }),
      { numRuns: 100 },
    );
    expect(textsAboveGrade(Object.fromEntries(PROFILE.dimensions.map((dimension) => [dimension.code, dimension.summary])))).toEqual({});
  });

  it("every practice step, title, summary and reflection prompt", () => {
    const texts: Record<string, string> = {};
    for (const exercise of PRACTICE_EXERCISES) {
      texts[`${exercise.id} title`] = exercise.title;
      texts[`${exercise.id} summary`] = exercise.summary;
      texts[`${exercise.id} prompt`] = exercise.reflectionPrompt;
      exercise.steps.forEach((step, index) => (texts[`${exercise.id} step ${index + 1}`] = step));
    }
    expect(textsAboveGrade(texts)).toEqual({});
  });
});
