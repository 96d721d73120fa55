import fs from "node:fs";
import path from "node:path";
import type { Plugin } from "vite";

// The frame's words of one language (decisions 043, 074) as a module of their own:
// "virtual:shell-text/<language>" is the app, nav, quickExit and home parts of
// web/src/locales/<language>/common.json, and null while that file does not exist. English is part
// of the first load, so it must not bring the rest of common.json with it; another language is a
// chunk of a few hundred bytes the page waits for before it shows in that language.
// A language whose script many devices lack has a font file, src/fonts/<language>.css (decision 079).
// Its words' chunk loads the font and gives the words once the font's rules are there (a promise as
// the default export; the store awaits it), so the words never show before their font. The chunk
// imports the font, not the first load, so the first load does not even carry its name. A font that
// cannot be fetched still gives the words (the person's own fonts may be enough). The font's files
// are fetched by the browser only for characters that no font on the device has.

const prefix = "virtual:shell-text/";
const parts = ["app", "nav", "quickExit", "home"] as const;

export function shellTextPlugin(): Plugin {
  return {
    name: "mutual-shell-text",
    resolveId(id) {
      return id.startsWith(prefix) ? `\0${id}` : undefined;
    },
    load(id) {
      if (!id.startsWith(`\0${prefix}`)) return undefined;
      const language = id.slice(prefix.length + 1);
      if (!/^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(language)) throw new Error(`Not a language: ${language}`);
      const file = path.resolve(import.meta.dirname, "src/locales", language, "common.json");
      const font = path.resolve(import.meta.dirname, "src/fonts", `${language}.css`);
      // A file added later is found on the next start of the dev server (or the next build).
      let words = "null";
      if (fs.existsSync(file)) {
        this.addWatchFile(file);
        words = pick(JSON.parse(fs.readFileSync(file, "utf8")) as Record<string, unknown>);
      }
      if (!fs.existsSync(font)) return `export default ${words};`;
      return `export default import(${JSON.stringify(font)}).catch(() => undefined).then(() => (${words}));`;
    },
  };
}

/** The frame's parts of a common.json, as the source of an object. */
function pick(common: Record<string, unknown>): string {
  return JSON.stringify(Object.fromEntries(parts.map((part) => [part, common[part]])));
}
