// Text the server writes for a person (flag titles and explanations, dimension and pattern names,
// practices, help, emails), in the language they read (issue 18, decision 076). Each feature keeps
// its own catalogues beside its code: English is whole and is the source; another language may lack
// keys while its translation is written, and those are said in English rather than not at all.
// Pure: no I/O; the language comes from the caller (the request, or the person's stored choice).
import { intlLocale, type Language } from "./language-tags.js";

/** One feature's text: English in full, the other languages key by key. */
export type Catalogues<Key extends string> = { en: Readonly<Record<Key, string>> } & Partial<
  Record<Exclude<Language, "en">, Readonly<Partial<Record<Key, string>>>>
>;

/** A key written as `name_one` / `name_other` (plural forms) is asked for as `name` with a `count`. */
type PluralBase<Key extends string> = Key extends `${infer Base}_${"zero" | "one" | "two" | "few" | "many" | "other"}` ? Base : Key;

export type TextParams = Readonly<Record<string, string | number>>;
export type Say<Key extends string> = (key: PluralBase<Key>, params?: TextParams) => string;

const PLACEHOLDER = /\{\{\s*(\w+)\s*\}\}/g;

/**
 * A function that says a key of these catalogues in a language. `{{name}}` is replaced by the
 * parameter (numbers formatted by the language's Singapore conventions); with a numeric `count`,
 * the language's plural form (`key_one`, `key_other`, … by Intl.PluralRules) is used when written.
 */
export function textIn<Key extends string>(catalogues: Catalogues<Key>, language: Language): Say<Key> {
  const locale = intlLocale(language);
  const plurals = new Intl.PluralRules(locale);
  const numbers = new Intl.NumberFormat(locale, { maximumFractionDigits: 1, useGrouping: true });
  const own: Readonly<Partial<Record<string, string>>> = language === "en" ? catalogues.en : (catalogues[language] ?? {});
  const english: Readonly<Partial<Record<string, string>>> = catalogues.en;
  const englishPlurals = new Intl.PluralRules("en-SG");
  return (key, params = {}) => {
    const count = params.count;
    const template =
      (typeof count === "number" ? (own[`${key}_${plurals.select(count)}`] ?? own[`${key}_other`]) : undefined) ??
      own[key] ??
      (typeof count === "number" ? (english[`${key}_${englishPlurals.select(count)}`] ?? english[`${key}_other`]) : undefined) ??
      english[key];
    if (template === undefined) throw new Error(`No text for "${key}"`);
    return template.replace(PLACEHOLDER, (whole, name: string) => {
      const value = params[name];
      if (value === undefined) return whole;
      return typeof value === "number" ? numbers.format(value) : value;
    });
  };
}

/**
 * For text said often (every score and flag the model words): one sayer per language, made on first
 * use and kept, since making one builds Intl formatters that cost more than the sentence.
 */
export function sayersOf<Key extends string>(catalogues: Catalogues<Key>): (language: Language) => Say<Key> {
  const made = new Map<Language, Say<Key>>();
  return (language) => {
    let say = made.get(language);
    if (say === undefined) {
      say = textIn(catalogues, language);
      made.set(language, say);
    }
    return say;
  };
}

/** The `{{placeholders}}` a text uses, sorted: a translation must use the same ones. */
export function placeholdersOf(text: string): string[] {
  return [...new Set([...text.matchAll(PLACEHOLDER)].map((match) => match[1] ?? ""))].sort();
}

/** A word about a translation that does not match its English: for the catalogue tests. */
export type CatalogueProblem = { language: Language; key: string; problem: "missing" | "extra" | "placeholders" | "empty" };

/**
 * What is wrong with each language's catalogue against English: keys missing or extra, texts whose
 * placeholders differ, empty texts. Plural forms count as the key they belong to (a language may
 * need `_few` where English has only `_one` and `_other`).
 */
export function checkCatalogues<Key extends string>(catalogues: Catalogues<Key>, { allowMissing = false } = {}): CatalogueProblem[] {
  const baseOf = (key: string) => key.replace(/_(zero|one|two|few|many|other)$/, "");
  const englishBases = new Map<string, string[]>();
  for (const [key, text] of Object.entries<string>(catalogues.en)) englishBases.set(baseOf(key), placeholdersOf(text));
  const problems: CatalogueProblem[] = [];
  for (const language of ["zh-Hans", "ms", "ta"] as const) {
    const catalogue: Readonly<Partial<Record<string, string>>> = catalogues[language] ?? {};
    const bases = new Set<string>();
    for (const [key, text] of Object.entries(catalogue)) {
      const base = baseOf(key);
      bases.add(base);
      const expected = englishBases.get(base);
      if (expected === undefined) problems.push({ language, key, problem: "extra" });
      else if (!text || text.trim() === "") problems.push({ language, key, problem: "empty" });
      else if (placeholdersOf(text).join() !== expected.join()) problems.push({ language, key, problem: "placeholders" });
    }
    if (!allowMissing) for (const base of englishBases.keys()) if (!bases.has(base)) problems.push({ language, key: base, problem: "missing" });
  }
  return problems;
}
