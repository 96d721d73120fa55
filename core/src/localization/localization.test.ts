import { describe, expect, it } from "vitest";
import { languageFromAcceptLanguage } from "./language-tags.js";
import { checkCatalogues, sayersOf, textIn, type Catalogues } from "./localized-text.js";

describe("the language a request asks for", () => {
  it("follows Accept-Language by weight, then by order, mapping tags as the web app does", () => {
    expect(languageFromAcceptLanguage("ta-SG,ta;q=0.9,en;q=0.8")).toBe("ta");
    expect(languageFromAcceptLanguage("en;q=0.5, zh-CN;q=0.9")).toBe("zh-Hans");
    expect(languageFromAcceptLanguage("fr-FR, ms;q=0.7, en;q=0.6")).toBe("ms");
    expect(languageFromAcceptLanguage("zh-TW, ta;q=0.2")).toBe("ta");
    expect(languageFromAcceptLanguage("ms;q=0, ta;q=0.1")).toBe("ta");
    expect(languageFromAcceptLanguage("zh-Hans")).toBe("zh-Hans");
  });

  it("gives English for no header, an unknown language or a malformed one, never an error", () => {
    expect(languageFromAcceptLanguage(undefined)).toBe("en");
    expect(languageFromAcceptLanguage("")).toBe("en");
    expect(languageFromAcceptLanguage("de, fr;q=0.5")).toBe("en");
    expect(languageFromAcceptLanguage(";;;,,=q")).toBe("en");
    expect(languageFromAcceptLanguage(`${"x,".repeat(400)}ta`)).toBe("en");
  });
});

const catalogues: Catalogues<"greeting" | "weeks_one" | "weeks_other" | "only-english"> = {
  en: { greeting: "Hello {{name}}", weeks_one: "{{count}} week", weeks_other: "{{count}} weeks", "only-english": "Not yet translated" },
  ta: { greeting: "வணக்கம் {{name}}", weeks_one: "{{count}} வாரம்", weeks_other: "{{count}} வாரங்கள்" },
  ms: { greeting: "Helo {{name}}", weeks_other: "{{count}} minggu" },
};

describe("server-made text in a language", () => {
  it("says a key in the language, filling its placeholders", () => {
    expect(textIn(catalogues, "ta")("greeting", { name: "Kavi" })).toBe("வணக்கம் Kavi");
    expect(textIn(catalogues, "en")("greeting", { name: "Kavi" })).toBe("Hello Kavi");
  });

  it("uses each language's plural forms: Tamil has one and other, Malay only other", () => {
    expect(textIn(catalogues, "ta")("weeks", { count: 1 })).toBe("1 வாரம்");
    expect(textIn(catalogues, "ta")("weeks", { count: 3 })).toBe("3 வாரங்கள்");
    expect(textIn(catalogues, "ms")("weeks", { count: 1 })).toBe("1 minggu");
    expect(textIn(catalogues, "en")("weeks", { count: 1 })).toBe("1 week");
    expect(textIn(catalogues, "en")("weeks", { count: 12_000 })).toBe("12,000 weeks");
  });

  it("keeps one sayer per language for text said often, each in its own language", () => {
    const sayerIn = sayersOf(catalogues);
    expect(sayerIn("ta")).toBe(sayerIn("ta"));
    expect(sayerIn("ta")("greeting", { name: "Kavi" })).toBe("வணக்கம் Kavi");
    expect(sayerIn("ms")("greeting", { name: "Kavi" })).toBe("Helo Kavi");
  });

  it("says in English what a language lacks, and fails loudly on a key nobody wrote", () => {
    expect(textIn(catalogues, "ta")("only-english")).toBe("Not yet translated");
    expect(textIn(catalogues, "zh-Hans")("greeting", { name: "Wei" })).toBe("Hello Wei");
    expect(() => textIn(catalogues, "ta")("nothing" as "greeting")).toThrow(/nothing/);
  });
});

describe("a catalogue check", () => {
  it("finds keys missing or extra, lost placeholders and empty text; plural forms count as their key", () => {
    const problems = checkCatalogues({
      en: { a: "A {{x}}", b: "B", n_one: "{{count}} one", n_other: "{{count}} more" },
      ta: { a: "அ", b: "", n_other: "{{count}}", extra: "!" },
      ms: { a: "A {{x}}", b: "B", n_other: "{{count}} lagi" },
    } as Catalogues<string>);
    expect(problems).toEqual(
      expect.arrayContaining([
        { language: "ta", key: "a", problem: "placeholders" },
        { language: "ta", key: "b", problem: "empty" },
        { language: "ta", key: "extra", problem: "extra" },
        { language: "zh-Hans", key: "a", problem: "missing" },
      ]),
    );
    expect(problems.filter((problem) => problem.language === "ms")).toEqual([]);
    expect(problems).toHaveLength(6);
  });
});
