import i18next from "i18next";
import { initReactI18next } from "react-i18next";
import { enFirstLoad, importLaterCatalogues } from "../locales/en/first-load";
import type { en } from "../locales/en/index";

/** All UI text goes through i18next; English is the first catalogue, bundled. */
export const defaultNamespace = "translation";

/**
 * Starts i18next with the text the first screen needs (tests pass the whole catalogue).
 * The rest comes through loadLaterText() before any other page renders.
 */
export function initI18n(language = "en", catalogue: Partial<typeof en> = enFirstLoad): typeof i18next {
  if (!i18next.isInitialized) {
    void i18next.use(initReactI18next).init({
      lng: language,
      fallbackLng: "en",
      resources: { en: { translation: catalogue } },
      defaultNS: defaultNamespace,
      interpolation: { escapeValue: false },
      returnNull: false,
      initAsync: false,
    });
  }
  return i18next;
}

let laterText: Promise<void> | undefined;

/** Adds the other features' text once; lazily loaded pages wait for it with their code. */
export function loadLaterText(): Promise<void> {
  laterText ??= importLaterCatalogues().then(
    (catalogues) => {
      i18next.addResourceBundle("en", defaultNamespace, catalogues, true, false);
    },
    (error: unknown) => {
      laterText = undefined;
      throw error;
    },
  );
  return laterText;
}

// Module augmentation needs an interface: a type cannot merge into i18next's declarations.
declare module "i18next" {
  // eslint-disable-next-line @typescript-eslint/consistent-type-definitions
  interface CustomTypeOptions {
    defaultNS: "translation";
    resources: { translation: typeof en };
  }
}
