import { enFirstLoad } from "../locales/en/first-load";
import { getLanguage, onLanguageLoad, useLanguage, type Language } from "./language";

// The frame's and the home page's few sentences without i18next (decision 043): i18next and its
// React binding load with the first lazy page, with the rest of the text. The words are the same
// catalogue entries i18next serves (first-load.ts), so both say the same thing.
// Another language's words (decision 074) come from its common.json, in a small chunk of their own,
// loaded before that language shows; a word it lacks is said in English.

type Leaves<T, Prefix extends string = ""> = { [K in keyof T & string]: T[K] extends string ? `${Prefix}${K}` : Leaves<T[K], `${Prefix}${K}.`> }[keyof T &
  string];

/** A key of the first-load catalogue, e.g. "nav.home". */
export type ShellTextKey = Leaves<typeof enFirstLoad>;

type ShellCatalogue = Partial<Record<keyof typeof enFirstLoad, unknown>>;

// Each language's frame words (web/shell-text-plugin.ts): the app, nav, quickExit and home parts of
// locales/<language>/common.json, a chunk of a few hundred bytes each; null while the file is missing.
// Chinese's and Tamil's words come once their script's font is ready to use (src/fonts/, decision 079).
const shellFiles: Partial<Record<Language, () => Promise<{ default: ShellCatalogue | null | Promise<ShellCatalogue | null> }>>> = {
  "zh-Hans": () => import("virtual:shell-text/zh-Hans"),
  ms: () => import("virtual:shell-text/ms"),
  ta: () => import("virtual:shell-text/ta"),
};

const loaded = new Map<string, ShellCatalogue>([["en", enFirstLoad]]);

/** Loads a language's frame words once (nothing to load for English, or for a language without the file). */
export async function loadShellText(language: Language, files = shellFiles): Promise<void> {
  const load = files[language];
  if (loaded.has(language) || !load) return;
  const catalogue = await (await load()).default;
  if (catalogue) loaded.set(language, catalogue);
}

/** A language's frame words once loaded (i18next is given them too, for the pages that say them). */
export function shellCatalogueOf(language: string): ShellCatalogue | undefined {
  return loaded.get(language);
}

/** Gives a language's frame words directly (tests, the pseudo-locale). */
export function setShellCatalogue(language: string, catalogue: ShellCatalogue): void {
  loaded.set(language, catalogue);
}

onLanguageLoad(loadShellText);

function lookUp(catalogue: unknown, key: string): string | undefined {
  let node = catalogue;
  for (const part of key.split(".")) node = (node as Record<string, unknown> | undefined)?.[part];
  return typeof node === "string" ? node : undefined;
}

/** The text of a first-load key in the active language (else English), with {{name}} placeholders filled in. */
export function shellText(key: ShellTextKey, values: Record<string, string> = {}, language: string = getLanguage()): string {
  const text = lookUp(loaded.get(language), key) ?? lookUp(enFirstLoad, key) ?? key;
  return text.replace(/\{\{(\w+)\}\}/g, (placeholder, name: string) => values[name] ?? placeholder);
}

/** shellText for a component: it re-renders in the new language when the language changes. */
export function useShellText(): typeof shellText {
  const language = useLanguage();
  return (key, values, lang = language) => shellText(key, values, lang);
}
