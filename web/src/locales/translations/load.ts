import type { CatalogueKey } from "../catalogue-files";

// Each catalogue of each language is a chunk of its own (decision 095), listed in a small table per
// language (web/catalogue-plugin.ts). The tables are chunks too, not part of the first load: a page
// asks for its language's table beside its code, then for its catalogues from it.
const tables = {
  en: () => import("virtual:catalogues/en"),
  "zh-Hans": () => import("virtual:catalogues/zh-Hans"),
  ms: () => import("virtual:catalogues/ms"),
  ta: () => import("virtual:catalogues/ta"),
};

export type CatalogueLanguage = keyof typeof tables;

/** A language's table of catalogues, fetched once, and the English files it has none for yet. */
export async function importCatalogueTable(language: CatalogueLanguage) {
  return tables[language]();
}

/** Whether a key names a catalogue loaded with the pages (not the frame's first-load text). */
export async function isCatalogueKey(key: string): Promise<boolean> {
  return Object.hasOwn((await tables.en()).parts, key);
}

/** One catalogue's text in a language, fetched once; null where the language has no file yet (English is said then). */
export async function importCatalogue(language: CatalogueLanguage, key: CatalogueKey): Promise<Record<string, unknown> | null> {
  const load = (await tables[language]()).parts[key];
  return load ? (await load()).default : null;
}
