import fs from "node:fs";
import path from "node:path";
import type { Plugin } from "vite";
import { catalogueFile, catalogueKeys } from "./src/locales/catalogue-files.js";

// Each catalogue of each language as a module of its own (decision 095), so a page downloads only
// the text it can show:
// - "virtual:catalogue/<language>/<key>" is that catalogue's text (a feature's file, or one part of
//   common.json), one small chunk each;
// - "virtual:catalogues/<language>" is the table of a language's catalogues, key → import(), for
//   the files that exist; `missing` lists the English files the language has no file for yet, whose
//   text stays English (decision 074).
// Files are looked for when the module is built: a file added while the dev server runs is seen
// after a restart; builds always see it.

const partPrefix = "virtual:catalogue/";
const tablePrefix = "virtual:catalogues/";
const languagePattern = /^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;

export function cataloguePlugin(): Plugin {
  const webSrc = path.resolve(import.meta.dirname, "src");
  /** A catalogue's text in a language, or undefined where the language has no file (or no such part) yet. */
  const read = (language: string, key: string, watch: (file: string) => void): unknown => {
    const { file, part } = catalogueFile(key, language);
    const full = path.join(webSrc, file);
    if (!fs.existsSync(full)) return undefined;
    watch(full);
    const content = JSON.parse(fs.readFileSync(full, "utf8")) as Record<string, unknown>;
    return part === undefined ? content : content[part];
  };
  return {
    name: "mutual-catalogues",
    resolveId(id) {
      return id.startsWith(partPrefix) || id.startsWith(tablePrefix) ? `\0${id}` : undefined;
    },
    load(id) {
      if (id.startsWith(`\0${tablePrefix}`)) {
        const language = id.slice(tablePrefix.length + 1);
        if (!languagePattern.test(language)) throw new Error(`Not a language: ${language}`);
        const found: string[] = [];
        const missing: string[] = [];
        for (const key of catalogueKeys) {
          if (read(language, key, (file) => this.addWatchFile(file)) === undefined) missing.push(catalogueFile(key, "en").file);
          else found.push(key);
        }
        const entries = found.map((key) => `${key}: () => import(${JSON.stringify(`${partPrefix}${language}/${key}`)})`);
        return `export const parts = {${entries.join(",")}};\nexport const missing = ${JSON.stringify([...new Set(missing)])};`;
      }
      if (id.startsWith(`\0${partPrefix}`)) {
        const [language = "", key = ""] = id.slice(partPrefix.length + 1).split("/");
        if (!languagePattern.test(language) || !catalogueKeys.includes(key)) throw new Error(`Not a catalogue: ${id}`);
        const text = read(language, key, (file) => this.addWatchFile(file));
        return `export default ${JSON.stringify(text ?? null)};`;
      }
      return undefined;
    },
  };
}
