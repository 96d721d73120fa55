import i18next from "i18next";
import { initReactI18next } from "react-i18next";
import { enFirstLoad, importLaterCatalogues } from "../locales/en/first-load";
import type { en } from "../locales/en/index";
import { importTranslation } from "../locales/translations/load";
import { getLanguage, onLanguageLoad, type Language } from "./language";

/** All UI text goes through i18next; English is the first catalogue, bundled. */
export const defaultNamespace = "translation";

/**
 * Starts i18next with the text the first screen needs (tests pass the whole catalogue), in the
 * page's language. The rest comes through loadLaterText() before any other page renders.
 */
export function initI18n(language: string = getLanguage(), catalogue: Partial<typeof en> = enFirstLoad): typeof i18next {
  if (!i18next.isInitialized) {
    void i18next.use(initReactI18next).init({
      lng: language,
      // A key or a file a language does not have yet is said in English (decision 074).
      fallbackLng: "en",
      resources: { en: { translation: catalogue } },
      defaultNS: defaultNamespace,
      interpolation: { escapeValue: false },
      returnNull: false,
      initAsync: false,
    });
    // The store switches language only once this has loaded the language's text (lib/language.ts).
    onLanguageLoad(async (next) => {
      await loadLaterText(next);
      await i18next.changeLanguage(next);
    });
  }
  return i18next;
}

let englishText: Promise<void> | undefined;
const languageText = new Map<Language, Promise<void>>();

function loadEnglishText(): Promise<void> {
  englishText ??= importLaterCatalogues().then(
    (catalogues) => {
      i18next.addResourceBundle("en", defaultNamespace, catalogues, true, false);
    },
    (error: unknown) => {
      englishText = undefined;
      throw error;
    },
  );
  return englishText;
}

/** Adds a catalogue of a language to i18next (the loader below, and tests with a fixture or the pseudo-locale). */
export function addLanguageText(language: string, catalogue: Record<string, unknown>): void {
  i18next.addResourceBundle(language, defaultNamespace, catalogue, true, true);
}

/**
 * Adds the other features' text once per language; lazily loaded pages wait for it with their code.
 * English always comes too: whatever a language lacks is said in English.
 */
export function loadLaterText(language: Language = getLanguage()): Promise<void> {
  if (language === "en") return loadEnglishText();
  let loading = languageText.get(language);
  if (!loading) {
    loading = Promise.all([loadEnglishText(), importTranslation(language)]).then(
      ([, translation]) => addLanguageText(language, translation.catalogue),
      (error: unknown) => {
        languageText.delete(language);
        throw error;
      },
    );
    languageText.set(language, loading);
  }
  return loading;
}

// Module augmentation needs an interface: a type cannot merge into i18next's declarations.
declare module "i18next" {
  // eslint-disable-next-line @typescript-eslint/consistent-type-definitions
  interface CustomTypeOptions {
    defaultNS: "translation";
    resources: { translation: typeof en };
  }
}
