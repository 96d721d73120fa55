import path from "node:path";
import { describe, expect, it } from "vitest";
import { catalogueKeys } from "../locales/catalogue-files";
import { cataloguesNamed, cataloguesReachable, declaredPages, sourceFiles, webSrc, type DeclaredPage } from "../testing/catalogue-reach";

// Each lazy page loads only the catalogues it declares (decision 095). This reads the source, so it
// cannot be fooled by a test that happens not to render a part: from each page's module, every
// reachable string that names a catalogue ("checkIn.title", `profile.patterns.${code}`) must be in
// the page's list. A key missed here would be fetched late by the safety net in lib/i18n.ts.

const keys = new Set(catalogueKeys);
const found = declaredPages(sourceFiles());
const pages = found.filter((page): page is DeclaredPage => "module" in page);
const pageModules = new Set(pages.map((page) => page.module));
const label = (page: DeclaredPage) => `${page.name ?? path.relative(webSrc, page.module)} (${page.file})`;

describe("the catalogues each lazy page declares", () => {
  it("reads every lazy page's declaration", () => {
    expect(found.filter((page) => !("module" in page))).toEqual([]);
    // The router's pages and the home page's cards.
    expect(pages.length).toBeGreaterThan(30);
    expect(pages.some((page) => page.module.endsWith("home-cards.tsx"))).toBe(true);
  });

  it("names only catalogues that exist", () => {
    const unknown = pages.flatMap((page) => page.catalogues.filter((key) => !keys.has(key)).map((key) => `${label(page)}: ${key}`));
    expect(unknown).toEqual([]);
  });

  it.each(pages.map((page) => [label(page), page] as const))("%s declares every catalogue its code can show", (_name, page) => {
    const reachable = cataloguesReachable(page.module, keys, pageModules);
    const undeclared = [...reachable]
      .filter(([key]) => !page.catalogues.includes(key))
      .map(([key, file]) => `${label(page)} shows ${key} (used in ${file}) but does not declare it`);
    expect(undeclared).toEqual([]);
  });
});

describe("the frame's text", () => {
  it("uses only the first-load text: nothing outside the lazy pages names a catalogue", () => {
    const reachable = cataloguesReachable(path.join(webSrc, "main.tsx"), keys, pageModules);
    expect([...reachable].map(([key, file]) => `${key} (used in ${file})`)).toEqual([]);
  });
});

describe("reading a module's catalogues", () => {
  it("finds keys in strings, templates and keyPrefix, and ignores other text", () => {
    const source = [
      `t("checkIn.title")`,
      "t(`profile.patterns.${code}`)",
      `const labels = { low: 'trends.low' };`,
      `useTranslation("translation", { keyPrefix: "help" })`,
      `<Trans i18nKey="sharing.what.profile" />`,
      `const path = "/check-in"; const word = "account"; t("app.name"); t("nav.home")`,
    ].join("\n");
    expect(cataloguesNamed(source, keys).sort()).toEqual(["checkIn", "help", "profile", "sharing", "trends"]);
  });
});
