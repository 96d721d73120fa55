import { render, screen } from "@testing-library/react";
import { useTranslation } from "react-i18next";
import fs from "node:fs";
import path from "node:path";
import i18next from "i18next";
import { afterEach, describe, expect, it } from "vitest";
import { en } from "../locales/en/index";
import { addLanguageText, forgetCatalogue } from "./i18n";
import { setLanguage } from "./language";

// Read from disk: lib/ imports no feature.
const msHelp = JSON.parse(fs.readFileSync(path.join(import.meta.dirname, "../features/help/locales/ms.json"), "utf8")) as { title: string };

// How i18next gets its catalogues (decision 095). The tests start with the whole English catalogue,
// which counts as asked for.

function NotFoundTitle() {
  const { t } = useTranslation();
  return <h1>{t("notFound.title")}</h1>;
}

afterEach(async () => {
  addLanguageText("en", { notFound: en.notFound });
  await setLanguage("en");
  window.localStorage.clear();
});

describe("a change of language", () => {
  it("loads the new language's part of every catalogue asked for so far before it shows", async () => {
    expect(i18next.getResource("ms", "translation", "help.title")).toBeUndefined();
    await setLanguage("ms");
    expect(i18next.language).toBe("ms");
    expect(i18next.getResource("ms", "translation", "help.title")).toBe(msHelp.title);
  });
});

// The safety net: a page that shows a catalogue it did not declare (route-catalogues.test.ts is meant
// to prevent that) gets it fetched when the first key is asked for, and re-renders with it.
describe("a catalogue no page declared", () => {
  it("is fetched when one of its keys is asked for, and the text replaces the raw key", async () => {
    forgetCatalogue("en", "notFound");
    render(<NotFoundTitle />);
    expect(await screen.findByRole("heading", { name: en.notFound.title })).toBeInTheDocument();
    expect(screen.queryByText("notFound.title")).not.toBeInTheDocument();
  });
});
