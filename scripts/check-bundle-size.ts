// The first-load JavaScript budget of the participant pages: after `vite build`, the gzip size
// (level 9) of the entry chunk plus every chunk it imports statically, read from Vite's
// manifest. Lazy pages and uPlot load later and do not count. Fails the build above the limit.
import fs from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";

export const BUDGET_KB = 32;
// The first load measured 31.5 KB once React's API ran on Preact's runtime (decision 089; 88.6 KB
// before, with react-dom, after decision 043); the limit is that plus 5%, so a dependency creeping
// back (react-dom itself, say) fails the build.
export const LIMIT_KB = 33;

type ManifestChunk = { file: string; isEntry?: boolean; imports?: string[]; dynamicImports?: string[] };
export type Manifest = Record<string, ManifestChunk>;

/** Files the browser must fetch before the first screen: the entries and their static imports, transitively. */
export function collectFirstLoadFiles(manifest: Manifest): string[] {
  const seen = new Set<string>();
  const files: string[] = [];
  const visit = (key: string) => {
    if (seen.has(key)) return;
    seen.add(key);
    const chunk = manifest[key];
    if (!chunk) throw new Error(`The manifest names ${key} but has no entry for it.`);
    if (chunk.file.endsWith(".js")) files.push(chunk.file);
    for (const imported of chunk.imports ?? []) visit(imported);
  };
  const entries = Object.keys(manifest).filter((key) => manifest[key]?.isEntry);
  if (entries.length === 0) throw new Error("The manifest has no entry chunk.");
  for (const entry of entries) visit(entry);
  return files;
}

export const webDistDir = path.resolve(import.meta.dirname, "../web/dist");

/** The gzip size of each first-load file of a built web/dist, largest first, and their total in KB. Also read by bench/lighthouse.ts. */
export function measureFirstLoadJs(distDir = webDistDir): { rows: Array<{ file: string; size: number }>; totalKb: number } {
  const manifestPath = path.join(distDir, ".vite/manifest.json");
  if (!fs.existsSync(manifestPath)) throw new Error(`No ${path.relative(process.cwd(), manifestPath)}: run vite build with build.manifest enabled first.`);
  const manifest = JSON.parse(fs.readFileSync(manifestPath, "utf8")) as Manifest;
  let total = 0;
  const rows = collectFirstLoadFiles(manifest).map((file) => {
    const size = gzipSync(fs.readFileSync(path.join(distDir, file)), { level: 9 }).length;
    total += size;
    return { file, size };
  });
  return { rows: rows.sort((a, b) => b.size - a.size), totalKb: total / 1024 };
}

function main() {
  let measured: ReturnType<typeof measureFirstLoadJs>;
  try {
    measured = measureFirstLoadJs();
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  }
  const { rows, totalKb } = measured;
  for (const row of rows) console.log(`  ${(row.size / 1024).toFixed(1).padStart(6)} KB  ${row.file}`);
  console.log(`First-load JavaScript: ${totalKb.toFixed(1)} KB gzip (budget ${BUDGET_KB} KB, limit ${LIMIT_KB} KB)`);
  if (totalKb > LIMIT_KB) {
    console.error(`Over the ${LIMIT_KB} KB limit: lazy-load more of the app, or drop a dependency.`);
    process.exit(1);
  }
  if (totalKb > BUDGET_KB) console.warn(`Over the ${BUDGET_KB} KB budget (still under the limit).`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) main();
