import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { assembleCatalogue, catalogueFiles, translationPath } from "./catalogue-files";
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

  it("assembles a language from the files found, and says which are missing (their text stays English)", () => {
    const { catalogue, missing } = assembleCatalogue("ms", {
      "./locales/ms/common.json": { nav: { home: "[ms] Home" } },
      "./features/check-in/locales/ms.json": { title: "[ms] Check-in" },
      "./features/auth/locales/sign-up.ms.json": { subject: "[ms] subject" },
      // Another language's file is not taken.
      "./features/help/locales/ta.json": { title: "[ta] Help" },
    });
    expect(catalogue).toEqual({ nav: { home: "[ms] Home" }, checkIn: { title: "[ms] Check-in" }, signUpEmail: { subject: "[ms] subject" } });
    expect(missing).toContain("features/help/locales/en.json");
    expect(missing).not.toContain("features/check-in/locales/en.json");
    expect(missing).toHaveLength(Object.keys(catalogueFiles).length - 3);
  });
});

describe("each language's chunk", () => {
  const languages = ["zh-Hans", "ms", "ta"] as const;

  it.each(languages)("looks for every %s file where the convention puts it", (language) => {
    // The glob's patterns, read from the module's source and taken from its base, must match every path the convention names.
    const source = fs.readFileSync(path.join(webSrc, "locales/translations", `${language}.ts`), "utf8");
    const base = /base:\s*"([^"]+)"/.exec(source)?.[1];
    expect(base).toBeDefined();
    const patterns = [...source.matchAll(/"(\.[^"]*\.json)"/g)].map((match) =>
      path.relative(webSrc, path.resolve(path.join(webSrc, "locales/translations"), base!, match[1]!)),
    );
    const unmatched = Object.values(catalogueFiles)
      .map((file) => translationPath(file, language))
      .filter((file) => !patterns.some((pattern) => path.matchesGlob(file, pattern)));
    expect(unmatched).toEqual([]);
  });

  it.each(languages)("finds the %s files that exist, and only their text is missing from it", async (language) => {
    const { importTranslation } = await import("./translations/load");
    const { missing } = await importTranslation(language);
    const absent = Object.values(catalogueFiles).filter((file) => !fs.existsSync(path.join(webSrc, translationPath(file, language))));
    expect(missing).toEqual(absent);
  });
});
