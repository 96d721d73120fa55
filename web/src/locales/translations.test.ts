import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { catalogueFiles, translationPath } from "./catalogue-files";
import { checkCatalogue, hasNothingToTranslate } from "./catalogue-check";
import { keptAsEnglish } from "./kept-as-english";

// Every translated catalogue that exists is held to its English file (decision 074): exactly the
// English keys, the same {{placeholders}} and <tags> per value, nothing left in English by mistake.
// The files are found by the file convention, so a language's files are checked from the moment
// they are merged; the fixtures below show the check fails when it should.

const webSrc = path.resolve(import.meta.dirname, "..");
const translatedLanguages = ["zh-Hans", "ms", "ta"] as const;
const readJson = (file: string): unknown => JSON.parse(fs.readFileSync(path.join(webSrc, file), "utf8"));

const pairs = translatedLanguages.flatMap((language) =>
  Object.values(catalogueFiles)
    .map((english) => ({ language, english, translated: translationPath(english, language) }))
    .filter(({ translated }) => fs.existsSync(path.join(webSrc, translated))),
);

describe("the translated catalogues", () => {
  it.each(pairs.map((pair) => [`${pair.language}: ${pair.translated}`, pair] as const))(
    "%s has the English keys, placeholders and tags, all translated",
    (_name, pair) => {
      expect(checkCatalogue(readJson(pair.english), readJson(pair.translated), keptAsEnglish[pair.language])).toEqual([]);
    },
  );

  it("has no catalogue file of a language Mutual does not speak, or that stands beside no English file", () => {
    const english = new Set<string>(Object.values(catalogueFiles));
    const known = new Set(Object.values(catalogueFiles).flatMap((file) => translatedLanguages.map((language) => translationPath(file, language))));
    const strays = fs
      .readdirSync(webSrc, { withFileTypes: true, recursive: true })
      .map((entry) => path.relative(webSrc, path.join(entry.parentPath, entry.name)))
      .filter((file) => /(^|\/)locales\/.*\.json$/.test(file) && !english.has(file) && !known.has(file));
    expect(strays).toEqual([]);
  });
});

describe("the catalogue check itself", () => {
  const english = {
    title: "Your week",
    greeting: "Hello, {{name}}",
    more: "Read <1>the guide</1> first.",
    count_one: "{{count}} check-in",
    count_other: "{{count}} check-ins",
    brand: "Mutual",
    file: "CSV",
  };
  const good = {
    title: "[xx] Your week",
    greeting: "[xx] {{name}}, hello",
    more: "[xx] <1>the guide</1> read first.",
    count_one: "[xx] {{count}}",
    count_other: "[xx] {{count}}",
    brand: "Mutual",
    file: "CSV",
  };

  it("passes a full translation that keeps placeholders, tags and names", () => {
    expect(checkCatalogue(english, good)).toEqual([]);
  });

  it("fails a missing key and a key English does not have", () => {
    const { title: _dropped, ...withoutTitle } = good;
    expect(checkCatalogue(english, { ...withoutTitle, titel: "[xx] typo" })).toEqual([
      { key: "title", problem: "missing" },
      { key: "titel", problem: "not in English" },
    ]);
    expect(checkCatalogue({ a: { b: "Text" } }, { a: "[xx] Text" }).map((problem) => problem.problem)).toContain("missing");
  });

  it("fails a lost or renamed placeholder and a lost tag", () => {
    const problems = checkCatalogue(english, { ...good, greeting: "[xx] Hello, {{nama}}", more: "[xx] Read the guide first." });
    expect(problems.map((problem) => problem.key)).toEqual(["greeting", "more"]);
  });

  it("flags a value left in English, unless it holds only names or is on the language's list", () => {
    expect(checkCatalogue(english, { ...good, title: "Your week" })).toEqual([{ key: "title", problem: "left in English" }]);
    expect(checkCatalogue(english, { ...good, title: "Your week" }, ["title"])).toEqual([]);
    expect(hasNothingToTranslate("Mutual")).toBe(true);
    expect(hasNothingToTranslate("{{count}} · {{date}}")).toBe(true);
    expect(hasNothingToTranslate("help@example.com")).toBe(true);
    expect(hasNothingToTranslate("Download CSV")).toBe(false);
  });
});
