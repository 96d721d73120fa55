import type { Assembled } from "../catalogue-files";

// Each language's catalogues in one chunk of their own (decision 074); English is locales/en.
const chunks = {
  "zh-Hans": () => import("./zh-Hans"),
  ms: () => import("./ms"),
  ta: () => import("./ta"),
} satisfies Record<string, () => Promise<{ translation: Assembled }>>;

export type TranslatedLanguage = keyof typeof chunks;

/** A language's catalogues, fetched once. */
export async function importTranslation(language: TranslatedLanguage): Promise<Assembled> {
  return (await chunks[language]()).translation;
}
