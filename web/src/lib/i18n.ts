import i18next from "i18next";
import { initReactI18next } from "react-i18next";
import type { CatalogueKey } from "../locales/catalogue-files";
import { enFirstLoad } from "../locales/en/first-load";
import type { en } from "../locales/en/index";
import { importCatalogue, importCatalogueTable } from "../locales/translations/load";
import { getLanguage, onLanguageLoad, type Language } from "./language";
import { loadShellText, shellCatalogueOf } from "./shell-text";

// Any top-level key but the first load's is a catalogue loaded with the pages. A key that names none
// (a typo) finds nothing in the table and loads nothing.
const isCatalogueKey = (key: string): key is CatalogueKey => key !== "" && !Object.hasOwn(enFirstLoad, key);

/** All UI text goes through i18next; English is the first catalogue, bundled. */
export const defaultNamespace = "translation";

/**
 * Starts i18next with the text the first screen needs (tests pass the whole catalogue), in the
 * page's language. Each lazy page adds the catalogues it shows through loadCatalogues() before it
 * renders (decision 095).
 */
export function initI18n(language: string = getLanguage(), catalogue: Partial<typeof en> = enFirstLoad): typeof i18next {
  if (!i18next.isInitialized) {
    // Catalogues given at the start (the whole of English in tests) count as loaded and wanted.
    const given = Object.keys(catalogue).filter(isCatalogueKey);
    for (const key of given) wanted.add(key);
    started("en").set(Promise.resolve(), given);
    void i18next.use(initReactI18next).init({
      lng: language,
      // A key or a file a language does not have yet is said in English (decision 074).
      fallbackLng: "en",
      resources: { en: { translation: catalogue } },
      defaultNS: defaultNamespace,
      interpolation: { escapeValue: false },
      returnNull: false,
      initAsync: false,
      // The safety net: a key of a catalogue no page declared is fetched when first asked for, and
      // components re-render when text is added, so no one is left looking at a raw key. The route
      // test (route-catalogues.test.ts) is what keeps this from being needed.
      saveMissing: true,
      missingKeyHandler: (_languages, _namespace, key) => {
        const catalogueKey = key.split(".", 1)[0] ?? "";
        if (isCatalogueKey(catalogueKey)) loadCatalogues([catalogueKey]).catch(() => undefined);
      },
      react: { bindI18nStore: "added" },
    });
    // The store switches language only once the catalogues loaded so far are there in it (lib/language.ts).
    onLanguageLoad(async (next) => {
      await loadCatalogues([...wanted], next);
      await i18next.changeLanguage(next);
    });
  }
  return i18next;
}

/** Every catalogue asked for so far: a new language loads all of them before it shows. */
const wanted = new Set<CatalogueKey>();

/** Per language, each catalogue's loading, started once (and forgotten on failure, so it can be tried again). */
const loading = new Map<Language, Map<CatalogueKey, Promise<void>>>();

function started(language: Language) {
  let byKey = loading.get(language);
  if (!byKey) loading.set(language, (byKey = new Map()));
  const map = byKey;
  return {
    get: (key: CatalogueKey) => map.get(key),
    set: (promise: Promise<void>, keys: readonly CatalogueKey[]) => keys.forEach((key) => map.set(key, promise)),
    forget: (keys: readonly CatalogueKey[]) => keys.forEach((key) => map.delete(key)),
  };
}

/** Fetches the catalogues of a language not asked for yet and adds them to i18next in one go (one re-render). */
function loadIn(language: Language, keys: readonly CatalogueKey[]): Promise<unknown> {
  const known = started(language);
  const fresh = [...new Set(keys)].filter((key) => known.get(key) === undefined);
  if (fresh.length > 0) {
    const batch = Promise.all(fresh.map((key) => importCatalogue(language, key))).then(
      (texts) => {
        const bundle = Object.fromEntries(fresh.flatMap((key, index) => (texts[index] ? [[key, texts[index]]] : [])));
        // Never over text already there: a test's fixture, or the whole catalogue given at the start.
        if (Object.keys(bundle).length > 0) i18next.addResourceBundle(language, defaultNamespace, bundle, true, false);
      },
      (error: unknown) => {
        known.forget(fresh);
        throw error;
      },
    );
    known.set(batch, fresh);
  }
  return Promise.all(keys.map((key) => known.get(key)));
}

const frameWords = new Map<Language, Promise<void>>();

/** A language's frame words (its first-load text, lib/shell-text.ts) in i18next too, once: pages say some of them. */
function loadFrameWords(language: Language): Promise<void> {
  let loading = frameWords.get(language);
  if (!loading) {
    loading = loadShellText(language).then(
      () => {
        const words = shellCatalogueOf(language);
        if (words) i18next.addResourceBundle(language, defaultNamespace, words, true, false);
      },
      (error: unknown) => {
        frameWords.delete(language);
        throw error;
      },
    );
    frameWords.set(language, loading);
  }
  return loading;
}

/** Takes a catalogue out of i18next and forgets it was loaded (tests of the safety net above). */
export function forgetCatalogue(language: Language, key: CatalogueKey): void {
  started(language).forget([key]);
  // A copy without it: the bundle may be the very object given at the start (a test's whole catalogue).
  const { [key]: _forgotten, ...rest } = (i18next.getResourceBundle(language, defaultNamespace) ?? {}) as Record<string, unknown>;
  i18next.removeResourceBundle(language, defaultNamespace);
  i18next.addResourceBundle(language, defaultNamespace, rest);
}

/** Adds a catalogue of a language to i18next (tests, with a fixture or the pseudo-locale). */
export function addLanguageText(language: string, catalogue: Record<string, unknown>): void {
  i18next.addResourceBundle(language, defaultNamespace, catalogue, true, true);
}

/**
 * Adds the catalogues a page shows, once each, in its language; lazily loaded pages wait for them
 * with their code. English always comes too: whatever a language lacks is said in English.
 */
export async function loadCatalogues(keys: readonly CatalogueKey[], language: Language = getLanguage()): Promise<void> {
  for (const key of keys) wanted.add(key);
  if (language === "en") await loadIn("en", keys);
  else await Promise.all([loadIn("en", keys), loadIn(language, keys), loadFrameWords(language)]);
}

/** Every catalogue of a language (tests that go through every page's text, and the language switch's tests). */
export async function loadEveryCatalogue(language: Language = getLanguage()): Promise<void> {
  const { parts } = await importCatalogueTable("en");
  await loadCatalogues(Object.keys(parts).filter(isCatalogueKey), language);
}

// Module augmentation needs an interface: a type cannot merge into i18next's declarations.
declare module "i18next" {
  // eslint-disable-next-line @typescript-eslint/consistent-type-definitions
  interface CustomTypeOptions {
    defaultNS: "translation";
    resources: { translation: typeof en };
  }
}
