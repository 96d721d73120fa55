import { describe, expect, it } from "vitest";
import { CHECK_IN_TRANSLATIONS, localizeCheckInQuestion, WEEKLY_CHECK_IN } from "./check-in-definition.js";
import { labelScalePoint, localizeDimension, localizeItem, translationStatusOf } from "./instrument-lookup.js";
import { INSTRUMENT_TRANSLATION_FILES, TRANSLATED_LANGUAGES } from "./instrument-translations.js";
import { INTERDEPENDENCE_PROFILE_V1 as PROFILE } from "./profile-v1.js";

/** Every key a translation must hold, with the English it translates, read from today's definitions. */
function englishSources(): Map<string, string> {
  const sources = new Map<string, string>();
  for (const point of PROFILE.scale.points) sources.set(`scale.agreement.${point.value}`, point.label);
  for (const dimension of PROFILE.dimensions) {
    sources.set(`dimension.${dimension.code}.name`, dimension.name);
    sources.set(`dimension.${dimension.code}.summary`, dimension.summary);
  }
  for (const item of PROFILE.items) {
    sources.set(`item.${item.id}.text`, item.text);
    sources.set(`item.${item.id}.plain`, item.plain);
  }
  for (const question of WEEKLY_CHECK_IN.questions) {
    sources.set(`checkIn.${question.id}.text`, question.text);
    if (question.format.kind === "scale") question.format.labels.forEach((label, index) => sources.set(`checkIn.${question.id}.label.${index}`, label));
  }
  return sources;
}

describe.each(TRANSLATED_LANGUAGES)("the %s translation of the profile and the check-in", (language) => {
  const file = INSTRUMENT_TRANSLATION_FILES[language];

  it("translates today's English: a changed English string waits for its translation to be reviewed again", () => {
    const stale = [...englishSources()].filter(([key, english]) => file[key]?.source !== english).map(([key]) => key);
    expect(stale).toEqual([]);
  });

  it("has every key, no key the instrument lacks, and a translation and back-translation for each", () => {
    expect(Object.keys(file).sort()).toEqual([...englishSources().keys()].sort());
    const empty = Object.entries(file).filter(([, entry]) => !entry.translation.trim() || !entry.backTranslation.trim());
    expect(empty.map(([key]) => key)).toEqual([]);
  });

  it("is served through the instrument: items, scale labels and dimensions in the language, marked provisional", () => {
    const item = PROFILE.items[0]!;
    expect(localizeItem(PROFILE, item, language)).toEqual({
      text: file[`item.${item.id}.text`]!.translation,
      plain: file[`item.${item.id}.plain`]!.translation,
    });
    expect(labelScalePoint(PROFILE, 7, language)).toBe(file["scale.agreement.7"]!.translation);
    expect(localizeDimension(PROFILE, "VOICE", language)?.name).toBe(file["dimension.VOICE.name"]!.translation);
    expect(translationStatusOf(PROFILE, language)).toBe("provisional");
    expect(PROFILE.translations[language]).toMatchObject({ instrumentVersion: PROFILE.version, status: "provisional" });
  });

  it("gives every check-in question and scale label in the language", () => {
    expect(CHECK_IN_TRANSLATIONS[language]).toMatchObject({ checkInVersion: WEEKLY_CHECK_IN.version, status: "provisional" });
    for (const question of WEEKLY_CHECK_IN.questions) {
      const localized = localizeCheckInQuestion(question, language);
      expect(localized.text).toBe(file[`checkIn.${question.id}.text`]!.translation);
      if (question.format.kind === "scale")
        expect(localized.labels).toEqual(question.format.labels.map((_, index) => file[`checkIn.${question.id}.label.${index}`]!.translation));
    }
  });
});

// No reading-grade formula we trust exists for Malay or Tamil, nor one in reach for Chinese (see
// docs/translation.md): each statement is held to the English rule's length instead, counted the
// way the language is read (words; for Chinese, characters, about 1.5 per English word).
const statementLimit = {
  "zh-Hans": (text: string) => (text.match(/\p{Script=Han}/gu) ?? []).length <= 30,
  ms: (text: string) => text.split(/\s+/).length <= 20,
  ta: (text: string) => text.split(/\s+/).length <= 20,
};

describe.each(TRANSLATED_LANGUAGES)("the %s statements", (language) => {
  it("are each as short as the English rule allows", () => {
    const long = PROFILE.items.map((item) => localizeItem(PROFILE, item, language).text).filter((text) => !statementLimit[language](text));
    expect(long).toEqual([]);
  });
});

describe("English and languages without a translation", () => {
  it("keep the English source", () => {
    const item = PROFILE.items[0]!;
    expect(localizeItem(PROFILE, item, "en")).toEqual({ text: item.text, plain: item.plain });
    expect(translationStatusOf(PROFILE, "en")).toBe("source");
    expect(translationStatusOf(PROFILE, "fr")).toBe("missing");
    expect(localizeCheckInQuestion(WEEKLY_CHECK_IN.questions[0]!, "fr").text).toBe(WEEKLY_CHECK_IN.questions[0]!.text);
  });
});
