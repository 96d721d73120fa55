// After `vite build`: a Brotli (.br) and a gzip (.gz) copy beside every text asset of web/dist,
// made once at build time at the highest levels, so the server sends compressed files without
// compressing per request (and API answers, which carry personal data, are never compressed:
// no BREACH-style guessing through reflected input). @fastify/static picks the copy the browser
// accepts (preCompressed). Without it, phones downloaded the JavaScript at full size.
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";

const compressible = new Set([".js", ".css", ".svg", ".json", ".webmanifest", ".txt", ".map"]);
/** Below this, a compressed copy saves less than its own headers cost. */
const minimumBytes = 1024;

function* filesUnder(directory: string): Generator<string> {
  for (const entry of fs.readdirSync(directory, { withFileTypes: true })) {
    const full = path.join(directory, entry.name);
    if (entry.isDirectory()) yield* filesUnder(full);
    else yield full;
  }
}

/** Writes the .br and .gz copies; returns how many files got them and the bytes before and after (Brotli). */
export function precompress(directory: string): { files: number; bytes: number; brotliBytes: number } {
  let files = 0;
  let bytes = 0;
  let brotliBytes = 0;
  for (const file of filesUnder(directory)) {
    if (!compressible.has(path.extname(file))) continue;
    const content = fs.readFileSync(file);
    if (content.length < minimumBytes) continue;
    const brotli = brotliCompressSync(content, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: content.length } });
    fs.writeFileSync(`${file}.br`, brotli);
    fs.writeFileSync(`${file}.gz`, gzipSync(content, { level: 9 }));
    files += 1;
    bytes += content.length;
    brotliBytes += brotli.length;
  }
  return { files, bytes, brotliBytes };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const directory = path.resolve(process.argv[2] ?? "dist");
  if (!fs.existsSync(directory)) {
    process.stderr.write(`precompress: ${directory} does not exist; build the web app first.\n`);
    process.exit(2);
  }
  const { files, bytes, brotliBytes } = precompress(directory);
  process.stdout.write(
    `precompress: ${files} files, ${(bytes / 1024).toFixed(1)} KB → ${(brotliBytes / 1024).toFixed(1)} KB with Brotli (and a gzip copy each)\n`,
  );
}
