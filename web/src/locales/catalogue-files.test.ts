import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { catalogueFile, catalogueFiles, catalogueKeys, translationPath, type CatalogueKey } from "./catalogue-files";
import { en } from "./en/index";

const webSrc = path.resolve(import.meta.dirname, "..");
const readJson = (file: string): unknown => JSON.parse(fs.readFileSync(path.join(webSrc, file), "utf8"));

describe("where each language's catalogues live", () => {
  it("lists exactly the English catalogue's files, each under its key", () => {
    const fromFiles = Object.fromEntries(
      Object.entries(catalogueFiles).flatMap(([key, file]) => (key === "" ? Object.entries(readJson(file) as object) : [[key, readJson(file)]])),
    );
    expect(fromFiles).toEqual(en);
    const englishFiles = (dir: string): string[] =>
      fs.readdirSync(path.join(webSrc, dir), { withFileTypes: true, recursive: true }).flatMap((entry) => {
        const full = path.relative(webSrc, path.join(entry.parentPath, entry.name));
        return entry.isFile() && /\/locales\/(.+\.)?en\.json$/.test(`/${full}`) ? [full] : [];
      });
    expect([...englishFiles("features"), ...englishFiles("components")].sort()).toEqual(
      Object.values(catalogueFiles)
        .filter((file) => !file.startsWith("locales/"))
        .sort(),
    );
  });

  it("names each language's file beside the English one", () => {
    expect(translationPath("features/check-in/locales/en.json", "ta")).toBe("features/check-in/locales/ta.json");
    expect(translationPath("features/auth/locales/sign-up.en.json", "zh-Hans")).toBe("features/auth/locales/sign-up.zh-Hans.json");
    expect(translationPath("locales/en/common.json", "ms")).toBe("locales/ms/common.json");
  });

  it("finds each catalogue's file in a language, and common.json's parts within it", () => {
    expect(catalogueFile("checkIn", "ms")).toEqual({ file: "features/check-in/locales/ms.json" });
    expect(catalogueFile("signUpEmail", "ta")).toEqual({ file: "features/auth/locales/sign-up.ta.json" });
    expect(catalogueFile("account", "zh-Hans")).toEqual({ file: "locales/zh-Hans/common.json", part: "account" });
    expect(() => catalogueFile("nav", "en")).toThrow();
  });
});

describe("each language's catalogues (web/catalogue-plugin.ts)", () => {
  const languages = ["zh-Hans", "ms", "ta"] as const;

  it.each(languages)("finds the %s files that exist, and only their text is missing from it", async (language) => {
    const { importCatalogueTable } = await import("./translations/load");
    const { parts, missing } = await importCatalogueTable(language);
    const absent = Object.values(catalogueFiles).filter((file) => !fs.existsSync(path.join(webSrc, translationPath(file, language))));
    expect([...missing].sort()).toEqual([...absent].sort());
    const present = catalogueKeys.filter((key) => fs.existsSync(path.join(webSrc, catalogueFile(key, language).file)));
    expect(Object.keys(parts).sort()).toEqual([...present].sort());
  });

  it.each(languages)("gives each %s catalogue the text of its own file", async (language) => {
    const { importCatalogue } = await import("./translations/load");
    for (const key of catalogueKeys) {
      const { file, part } = catalogueFile(key, language);
      const full = path.join(webSrc, file);
      const expected = fs.existsSync(full) ? (part ? (readJson(file) as Record<string, unknown>)[part] : readJson(file)) : null;
      expect(await importCatalogue(language, key as CatalogueKey)).toEqual(expected ?? null);
    }
  });
});
