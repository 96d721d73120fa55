// The check every translated catalogue must pass (decision 074; used by translations.test.ts): exactly
// the English keys, the same {{placeholders}} and <tags> in every value, and no value left in English
// by mistake. Pure, so its own test can feed it fixtures.

export type Flat = Record<string, string>;

/** Every text of a catalogue by its dotted key ("nav.home"); a non-text leaf is kept as a marker so it is compared too. */
export function flatten(node: unknown, prefix = ""): Flat {
  if (typeof node === "string") return { [prefix]: node };
  if (node === null || typeof node !== "object" || Array.isArray(node)) return { [prefix]: `\u0000not a text: ${JSON.stringify(node)}` };
  return Object.assign({}, ...Object.entries(node).map(([key, value]) => flatten(value, prefix ? `${prefix}.${key}` : key))) as Flat;
}

const placeholdersOf = (text: string) => [...text.matchAll(/\{\{\s*([^}]+?)\s*\}\}/g)].map((match) => match[1]!.replace(/\s+/g, " ")).sort();
const tagsOf = (text: string) => [...text.matchAll(/<\/?[A-Za-z0-9]+\s*\/?>/g)].map((match) => match[0].replace(/\s+/g, "")).sort();

/** Names and tokens that stay as they are in every language. */
const keptWords = /\b(Mutual|CSV|PDF|FHIR|JSON|ICS|iCalendar|HTTPS?|URL|OK|SMS|WhatsApp)\b/g;

/** A text with nothing to translate: only placeholders, tags, kept names, addresses, numbers and punctuation. */
export function hasNothingToTranslate(text: string): boolean {
  const rest = text
    .replace(/\{\{[^}]*\}\}/g, " ")
    .replace(/<[^>]*>/g, " ")
    .replace(/\b[\w.+-]+@[\w-]+(\.[\w-]+)+\b/g, " ")
    .replace(/\bhttps?:\/\/\S+/g, " ")
    .replace(keptWords, " ");
  return !/\p{L}/u.test(rest);
}

export type CatalogueProblem = { key: string; problem: string };

/** What is wrong with a translated catalogue against its English one; `kept` lists keys whose text may stay English on purpose. */
export function checkCatalogue(english: unknown, translated: unknown, kept: readonly string[] = []): CatalogueProblem[] {
  const source = flatten(english);
  const target = flatten(translated);
  const problems: CatalogueProblem[] = [];
  for (const key of Object.keys(source)) if (!(key in target)) problems.push({ key, problem: "missing" });
  for (const key of Object.keys(target)) if (!(key in source)) problems.push({ key, problem: "not in English" });
  for (const [key, text] of Object.entries(target)) {
    const original = source[key];
    if (original === undefined) continue;
    if (text.startsWith("\u0000") || original.startsWith("\u0000")) {
      if (text !== original) problems.push({ key, problem: "not a text where English has a text (or the other way round)" });
      continue;
    }
    if (placeholdersOf(text).join("|") !== placeholdersOf(original).join("|"))
      problems.push({ key, problem: `placeholders ${JSON.stringify(placeholdersOf(text))}, English has ${JSON.stringify(placeholdersOf(original))}` });
    if (tagsOf(text).join("|") !== tagsOf(original).join("|"))
      problems.push({ key, problem: `tags ${JSON.stringify(tagsOf(text))}, English has ${JSON.stringify(tagsOf(original))}` });
    if (text.trim() === "" && original.trim() !== "") problems.push({ key, problem: "empty" });
    if (text === original && !hasNothingToTranslate(text) && !kept.includes(key)) problems.push({ key, problem: "left in English" });
  }
  return problems;
}
