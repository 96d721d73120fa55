// The words the server adds to the model's (flag titles, the safety flag's own explanation, why a
// practice is suggested) are held to the items' reading level: Flesch–Kincaid grade 8 or lower.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { INTERDEPENDENCE_PROFILE_V1 as instrument, deriveFlags, scoreProfile, screenSafety } from "@mutual/core";
import { textsAboveGrade } from "../../../../core/src/testing/reading-grade.js";
import { derivePracticeGuidance } from "./practice-guidance.js";
import { FLAG_TITLES, SAFETY_EXPLANATION } from "./profile.presenter.js";

const point = fc.integer({ min: 1, max: 7 });
const answerSets = fc
  .tuple(...instrument.items.map(() => fc.option(point, { nil: undefined, freq: 8 })))
  .map((values) => Object.fromEntries(instrument.items.map((entry, index) => [entry.id, values[index]])));

describe("the server's words about a profile, at the items' reading level", () => {
  it("every flag title, the safety flag's own words, and every reason a practice is suggested, whatever the answers", () => {
    expect(textsAboveGrade({ ...FLAG_TITLES, SAFETY_EXPLANATION })).toEqual({});
    const seen = new Set<string>();
    fc.assert(
      fc.property(answerSets, (answers) => {
        const profile = scoreProfile(instrument, answers);
        const guidance = derivePracticeGuidance(profile, deriveFlags(instrument, profile, answers, screenSafety(instrument, answers)).ownerOnly);
        for (const reason of Object.values(guidance.reasons)) if (reason !== undefined) seen.add(reason);
        expect(textsAboveGrade(Object.fromEntries(Object.entries(guidance.reasons).map(([practice, reason]) => [practice, reason ?? ""])))).toEqual({});
      }),
      { numRuns: 300 },
    );
    // The property met more than one kind of reason, so it checked something.
    expect(seen.size).toBeGreaterThan(3);
  });
});
