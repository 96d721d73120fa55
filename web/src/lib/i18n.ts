import i18next from "i18next";
import { initReactI18next } from "react-i18next";
import { en } from "../locales/en/index";

/** All UI text goes through i18next; English is the first catalogue, bundled. */
export const defaultNamespace = "translation";

export function initI18n(language = "en"): typeof i18next {
  if (!i18next.isInitialized) {
    void i18next.use(initReactI18next).init({
      lng: language,
      fallbackLng: "en",
      resources: { en: { translation: en } },
      defaultNS: defaultNamespace,
      interpolation: { escapeValue: false },
      returnNull: false,
      initAsync: false,
    });
  }
  return i18next;
}

// Module augmentation needs an interface: a type cannot merge into i18next's declarations.
declare module "i18next" {
  // eslint-disable-next-line @typescript-eslint/consistent-type-definitions
  interface CustomTypeOptions {
    defaultNS: "translation";
    resources: { translation: typeof en };
  }
}
