import fs from "node:fs";
import path from "node:path";
import type { Plugin } from "vite";

// The frame's words of one language (decisions 043, 074) as a module of their own:
// "virtual:shell-text/<language>" is the app, nav, quickExit and home parts of
// web/src/locales/<language>/common.json, and null while that file does not exist. English is part
// of the first load, so it must not bring the rest of common.json with it; another language is a
// chunk of a few hundred bytes the page waits for before it shows in that language.

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
      // A file added later is found on the next start of the dev server (or the next build).
      if (!fs.existsSync(file)) return "export default null;";
      this.addWatchFile(file);
      const common = JSON.parse(fs.readFileSync(file, "utf8")) as Record<string, unknown>;
      return `export default ${JSON.stringify(Object.fromEntries(parts.map((part) => [part, common[part]])))};`;
    },
  };
}
