// A score's words in every language: the catalogue is whole, English is said as the scorer wrote
// it, and the same facts come out in another language with the items' and scores' own words.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkCatalogues, textIn } from "../../localization/index.js";
import { SCORED_DIMENSIONS, type Instrument } from "../instrument/instrument-types.js";
import { INTERDEPENDENCE_PROFILE_V1 as PROFILE } from "../instrument/profile-v1.js";
import { scoreProfile } from "./score-profile.js";
import { explainPatternResultIn, explainScoreIn, scoreText } from "./score-text.js";

const point = fc.integer({ min: 1, max: 7 });
const answerSets = fc
  .tuple(...PROFILE.items.map(() => fc.option(point, { nil: undefined, freq: 3 })))
  .map((values) => Object.fromEntries(PROFILE.items.map((entry, index) => [entry.id, values[index]])));

describe("score words", () => {
  it("the catalogue has every key in every language, with the same placeholders", () => {
    expect(checkCatalogues(scoreText)).toEqual([]);
  });

  it("in another language, every score's explanation or missing message is said again, never left in English", () => {
    fc.assert(
      fc.property(answerSets, (answers) => {
        const profile = scoreProfile(PROFILE, answers);
        const scores = [...SCORED_DIMENSIONS.map((code) => profile.dimensions[code]), profile.subscales.giving, profile.we, profile.me, profile.codependency];
        for (const score of scores) {
          const english = explainScoreIn(PROFILE, score, "en", profile.dimensions);
          const malay = explainScoreIn(PROFILE, score, "ms", profile.dimensions);
          expect(english.text).toBe(score.status === "scored" ? score.explanation.text : score.message);
          expect(malay.text).not.toBe(english.text);
          expect(malay.influences.map((entry) => [entry.itemId, entry.direction])).toEqual(english.influences.map((entry) => [entry.itemId, entry.direction]));
        }
        expect(explainPatternResultIn(profile.pattern, "ms")).not.toBe(explainPatternResultIn(profile.pattern, "en"));
      }),
      { numRuns: 100 },
    );
  });

  it("says a too-few-answers score with the counts the scorer used, and a dimension by its translated name", () => {
    const translated: Instrument = { ...PROFILE, translations: { "zh-Hans": { dimensions: { VOICE: { name: "表达心声" } } } } };
    const answers = Object.fromEntries(PROFILE.items.filter((entry) => entry.dimension !== "VOICE").map((entry) => [entry.id, 4]));
    const profile = scoreProfile(translated, answers);
    const voice = explainScoreIn(translated, profile.dimensions.VOICE, "zh-Hans", profile.dimensions);
    const total = PROFILE.items.filter((entry) => entry.dimension === "VOICE").length;
    expect(voice.message).toBe(textIn(scoreText, "zh-Hans")("missing.too-few", { score: "表达心声", needed: Math.ceil(total * 0.75), total, answered: 0 }));
    expect(explainScoreIn(translated, profile.me, "zh-Hans", profile.dimensions).message).toContain("表达心声");
  });
});
