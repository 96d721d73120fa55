import { describe, expect, it } from "vitest";
import { INTERDEPENDENCE_PROFILE_V1 as PROFILE } from "../instrument/profile-v1.js";
import { createMulberry32 } from "../ordering/seeded-random.js";
import { addPsychometricsResponse, createPsychometricsAccumulator, summarisePsychometrics } from "./profile-psychometrics.js";
import { addLanguageResponse, createLanguageAccumulators, screenItemsByLanguage, summariseByLanguage } from "./psychometrics-by-language.js";

const random = createMulberry32(87);
const someone = () => Object.fromEntries(PROFILE.items.map((item) => [item.id, 1 + Math.floor(random() * 7)]));

describe("psychometrics by language", () => {
  it("gives each language exactly the figures of its own people, the largest language first", () => {
    const byLanguage = createLanguageAccumulators(PROFILE, { keepForScreen: false });
    const malay = createPsychometricsAccumulator(PROFILE);
    for (let index = 0; index < 40; index += 1) {
      const answers = someone();
      const language = index % 4 === 0 ? "ms" : "en";
      addLanguageResponse(byLanguage, language, answers);
      if (language === "ms") addPsychometricsResponse(malay, answers);
    }
    const figures = summariseByLanguage(byLanguage, 100);
    expect(figures.map((entry) => [entry.language, entry.respondents])).toEqual([
      ["en", 30],
      ["ms", 10],
    ]);
    expect(figures[1]!.summary).toEqual(summarisePsychometrics(malay));
    // Ten people are far below 100: Malay's own norms stay provisional everywhere.
    expect(Object.values(figures[1]!.norms).every((entry) => entry.source === "provisional")).toBe(true);
  });

  it("keeps at most the sample size per language for the screen, and nothing when the screen was not asked for", () => {
    const sampled = createLanguageAccumulators(PROFILE, { keepForScreen: true, perLanguage: 25 });
    for (let index = 0; index < 200; index += 1) addLanguageResponse(sampled, index % 2 === 0 ? "en" : "ta", someone());
    expect([...sampled.languages.values()].map((entry) => [entry.respondents, entry.kept.length])).toEqual([
      [100, 25],
      [100, 25],
    ]);
    // 25 a language is below the screen's 50: not screened, but reported.
    expect(screenItemsByLanguage(sampled, 50).map((entry) => [entry.language, entry.screened])).toEqual([
      ["en", false],
      ["ta", false],
    ]);
    const unscreened = createLanguageAccumulators(PROFILE, { keepForScreen: false });
    addLanguageResponse(unscreened, "en", someone());
    expect(screenItemsByLanguage(unscreened, 50)).toEqual([]);
  });
});
