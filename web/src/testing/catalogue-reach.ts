import fs from "node:fs";
import path from "node:path";

// Which catalogues a piece of the app can show, read from its source (decision 095): starting from a
// module, follow its relative imports, static and `import()` alike (a part a page loads later, a
// chart say, is still shown on that page), except the modules of other declared pages (they declare
// their own text), and collect every string or template literal that begins with "<catalogue key>." and
// every keyPrefix. Over-inclusion (a key in a comment, say) only makes a page load a little more;
// missing one would show a raw key, so anything that looks like a key counts.

export const webSrc = path.resolve(import.meta.dirname, "..");

const extensions = ["", ".ts", ".tsx", "/index.ts", "/index.tsx"];

/** The file a relative import names, or undefined for a file without code (JSON, CSS, an image). */
function resolveImport(from: string, specifier: string): string | undefined {
  const base = path.resolve(path.dirname(from), specifier);
  for (const extension of extensions) {
    const candidate = base + extension;
    if (/\.tsx?$/.test(candidate) && fs.existsSync(candidate) && fs.statSync(candidate).isFile()) return candidate;
  }
  return undefined;
}

/** The relative modules a source file imports, statically or with import(); type-only imports left out (they vanish at run time). */
export function importsOf(file: string, source: string): string[] {
  const specifiers = [
    // import x from "./a"; import { a } from "./a"; export { a } from "./a"; export * from "./a"
    ...[...source.matchAll(/^\s*(?:import|export)(?!\s+type\s)\s[^;]*?\sfrom\s+["'](\.[^"']*)["']/gm)].map((match) => match[1]!),
    // import "./a.css" or "./side-effect"
    ...[...source.matchAll(/^\s*import\s+["'](\.[^"']*)["']/gm)].map((match) => match[1]!),
    // import("./later-part")
    ...[...source.matchAll(/\bimport\(\s*["'](\.[^"']*)["']\s*\)/g)].map((match) => match[1]!),
  ];
  return specifiers.flatMap((specifier) => resolveImport(file, specifier) ?? []);
}

/** The catalogue keys a source file's literals name ("checkIn.title", `profile.patterns.${code}`, keyPrefix: "help"). */
export function cataloguesNamed(source: string, catalogueKeys: ReadonlySet<string>): string[] {
  const named = new Set<string>();
  for (const match of source.matchAll(/["'`]([A-Za-z][\w]*)\./g)) if (catalogueKeys.has(match[1]!)) named.add(match[1]!);
  for (const match of source.matchAll(/keyPrefix\s*:\s*["'`]([A-Za-z]\w*)/g)) if (catalogueKeys.has(match[1]!)) named.add(match[1]!);
  return [...named];
}

/** Every catalogue key reachable from a module, not through the modules in `stops`, with the first file found to use each. */
export function cataloguesReachable(entry: string, catalogueKeys: ReadonlySet<string>, stops: ReadonlySet<string> = new Set()): Map<string, string> {
  const found = new Map<string, string>();
  const seen = new Set<string>();
  const queue = [entry];
  while (queue.length > 0) {
    const file = queue.shift()!;
    if (seen.has(file) || (file !== entry && stops.has(file))) continue;
    seen.add(file);
    const source = fs.readFileSync(file, "utf8");
    for (const key of cataloguesNamed(source, catalogueKeys)) if (!found.has(key)) found.set(key, path.relative(webSrc, file));
    queue.push(...importsOf(file, source));
  }
  return found;
}

export type DeclaredPage = { file: string; module: string; name: string | undefined; catalogues: string[] };

/**
 * Every lazily loaded page declared in the app's source: `lazyPage(() => import("./m"), "Name", [keys])`
 * and `loadPageWithProviders(() => import("./m"), [keys])`. A call written any other way is returned
 * with no module, so the test can fail on it instead of skipping it.
 */
export function declaredPages(files: string[]): Array<DeclaredPage | { file: string; unreadable: string }> {
  const pages: Array<DeclaredPage | { file: string; unreadable: string }> = [];
  for (const file of files) {
    const source = fs.readFileSync(file, "utf8");
    for (const call of source.matchAll(/\b(lazyPage|loadPageWithProviders)(?:<[^>]*>)?\(/g)) {
      const rest = source.slice(call.index);
      // The definitions themselves, and type positions, are not calls.
      if (/^(?:lazyPage|loadPageWithProviders)(?:<[^>]*>)?\([A-Za-z_]+\s*:/.test(rest) || /function\s+$/.test(source.slice(0, call.index))) continue;
      if (/typeof\s+$/.test(source.slice(0, call.index))) continue;
      // lazyPage hands its own page and list on: the call the router makes of it is what is read.
      if (file.endsWith(path.join("app", "router.tsx")) && rest.startsWith("loadPageWithProviders(load, catalogues)")) continue;
      const parsed = /^\w+(?:<[^>]*>)?\(\s*\(\)\s*=>\s*import\("(\.[^"]+)"\),\s*(?:"(\w+)",\s*)?\[([^\]]*)\]\s*\)/.exec(rest);
      if (!parsed) {
        pages.push({ file: path.relative(webSrc, file), unreadable: rest.slice(0, 120) });
        continue;
      }
      const module = resolveImport(file, parsed[1]!);
      if (!module) {
        pages.push({ file: path.relative(webSrc, file), unreadable: parsed[0] });
        continue;
      }
      const catalogues = [...parsed[3]!.matchAll(/"(\w+)"/g)].map((match) => match[1]!);
      pages.push({ file: path.relative(webSrc, file), module, name: parsed[2], catalogues });
    }
  }
  return pages;
}

/** Every non-test source file of web/src. */
export function sourceFiles(): string[] {
  return fs
    .readdirSync(webSrc, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && /\.tsx?$/.test(entry.name) && !/\.(test|d)\.tsx?$/.test(entry.name))
    .map((entry) => path.join(entry.parentPath, entry.name))
    .filter((file) => !file.includes(`${path.sep}testing${path.sep}`));
}
