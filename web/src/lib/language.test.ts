import i18next from "i18next";
import { afterEach, describe, expect, it } from "vitest";
import { getLanguage, intlLocale, languageFromBrowser, onLanguageLoad, rememberedLanguage, setLanguage, startingLanguage } from "./language";
import { shellText } from "./shell-text";

afterEach(async () => {
  window.localStorage.clear();
  await setLanguage("en");
});

describe("the page's language", () => {
  it("follows the browser's languages on a first visit: the first Mutual speaks, else English", () => {
    expect(languageFromBrowser(["zh"])).toBe("zh-Hans");
    expect(languageFromBrowser(["zh-CN"])).toBe("zh-Hans");
    expect(languageFromBrowser(["zh-SG", "en"])).toBe("zh-Hans");
    expect(languageFromBrowser(["zh-Hans-SG"])).toBe("zh-Hans");
    expect(languageFromBrowser(["ms"])).toBe("ms");
    expect(languageFromBrowser(["ms-SG"])).toBe("ms");
    expect(languageFromBrowser(["ta-SG"])).toBe("ta");
    expect(languageFromBrowser(["ta-IN"])).toBe("ta");
    expect(languageFromBrowser(["fr-FR", "ta"])).toBe("ta");
    expect(languageFromBrowser(["en-SG", "zh-CN"])).toBe("en");
    expect(languageFromBrowser(["fr", "de"])).toBe("en");
    expect(languageFromBrowser([])).toBe("en");
    // Traditional Chinese is not what the Chinese catalogue is written in.
    expect(languageFromBrowser(["zh-TW", "ms"])).toBe("ms");
    expect(languageFromBrowser(["zh-Hant-HK"])).toBe("en");
  });

  it("starts in the language chosen on this device before the browser's, and ignores a stored value that is not one of the four", () => {
    Object.defineProperty(navigator, "languages", { value: ["ta-SG"], configurable: true });
    expect(startingLanguage()).toBe("ta");
    window.localStorage.setItem("mutual.language", "zh-Hans");
    expect(startingLanguage()).toBe("zh-Hans");
    window.localStorage.setItem("mutual.language", "klingon");
    expect(rememberedLanguage()).toBeUndefined();
    expect(startingLanguage()).toBe("ta");
    Object.defineProperty(navigator, "languages", { value: ["en-US"], configurable: true });
  });

  it("formats dates and numbers with Singapore's conventions in each language", () => {
    expect(intlLocale("en")).toBe("en-SG");
    expect(intlLocale("zh-Hans")).toBe("zh-Hans-SG");
    expect(intlLocale("ms")).toBe("ms-SG");
    expect(intlLocale("ta")).toBe("ta-SG");
    expect(intlLocale("fr")).toBe("en-SG");
    const day = new Date(Date.UTC(2026, 11, 7));
    expect(new Intl.DateTimeFormat(intlLocale("en"), { dateStyle: "short", timeZone: "UTC" }).format(day)).toBe("7/12/26");
  });

  it("switches only once what the language needs has loaded, sets <html lang>, and remembers the choice only when asked", async () => {
    let release!: () => void;
    const stop = onLanguageLoad((language) => (language === "ms" ? new Promise<void>((resolve) => (release = resolve)) : Promise.resolve()));
    const switching = setLanguage("ms", { remember: true });
    await Promise.resolve();
    expect(getLanguage()).toBe("en");
    expect(document.documentElement.lang).not.toBe("ms");
    release();
    await switching;
    stop();
    expect(getLanguage()).toBe("ms");
    expect(document.documentElement.lang).toBe("ms");
    expect(window.localStorage.getItem("mutual.language")).toBe("ms");
    await setLanguage("ta");
    expect(window.localStorage.getItem("mutual.language")).toBe("ms");
  });

  it("lets a newer choice win over one still loading", async () => {
    let release!: () => void;
    const stop = onLanguageLoad((language) => (language === "zh-Hans" ? new Promise<void>((resolve) => (release = resolve)) : Promise.resolve()));
    const slow = setLanguage("zh-Hans");
    await setLanguage("ta");
    release();
    await slow;
    stop();
    expect(getLanguage()).toBe("ta");
    expect(document.documentElement.lang).toBe("ta");
  });

  it("speaks the chosen language in the frame and in i18next, and says in English whatever it does not have yet", async () => {
    await setLanguage("ms");
    expect(i18next.language).toBe("ms");
    expect(shellText("nav.home")).toBe("Laman utama");
    expect(i18next.t("nav.home")).toBe("Laman utama");
    // A sentence added in English and not yet translated.
    i18next.addResource("en", "translation", "nav.notYetTranslated", "Only in English for now");
    expect(i18next.t("nav.notYetTranslated" as "nav.home")).toBe("Only in English for now");
    await setLanguage("en");
    expect(i18next.language).toBe("en");
    expect(shellText("nav.home")).toBe("Home");
  });
});
