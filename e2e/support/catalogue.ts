import { readFileSync } from "node:fs";
import path from "node:path";
import { catalogueFiles, translationPath } from "../../web/src/locales/catalogue-files";

// The words a page shows, read from the same catalogue files the app is built from (decision 074),
// so a spec can walk a journey in any of the four languages without hard-coding a translation.

export type Language = "en" | "zh-Hans" | "ms" | "ta";

const webSource = path.resolve(import.meta.dirname, "../../web/src");
const files = new Map<string, Record<string, unknown> | null>();

function readCatalogue(file: string): Record<string, unknown> | null {
  if (!files.has(file)) {
    try {
      files.set(file, JSON.parse(readFileSync(path.join(webSource, file), "utf8")) as Record<string, unknown>);
    } catch {
      files.set(file, null);
    }
  }
  return files.get(file) ?? null;
}

function lookUp(node: unknown, keys: string[]): string | undefined {
  for (const key of keys) node = (node as Record<string, unknown> | undefined)?.[key];
  return typeof node === "string" ? node : undefined;
}

/**
 * The text of a key as the app shows it in a language ("auth.email", "checkIn.save"), placeholders
 * filled in; a key the language lacks is said in English, as the app does.
 */
export function words(language: Language, key: string, values: Record<string, string | number> = {}): string {
  const [first = "", ...rest] = key.split(".");
  const feature = first in catalogueFiles && first !== "" ? (first as keyof typeof catalogueFiles) : "";
  const englishFile = catalogueFiles[feature];
  const keys = feature === "" ? [first, ...rest] : rest;
  const text = lookUp(readCatalogue(translationPath(englishFile, language)), keys) ?? lookUp(readCatalogue(englishFile), keys);
  if (text === undefined) throw new Error(`No text for ${key} in ${englishFile}`);
  return text.replace(/\{\{\s*(\w+)\s*\}\}/g, (placeholder, name: string) => String(values[name] ?? placeholder));
}

/** A regular expression that matches a text exactly, for names and headings. */
export function exactly(text: string): RegExp {
  return new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}$`);
}
