// npm start: build when the sources are newer than the last build, then run the server.
// Plain JavaScript (not TypeScript like the other scripts) because it runs before
// anything is built and must add no start-up time of its own.
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const sources = ["core/src", "server/src", "web/src", "web/index.html", "web/public", "package-lock.json"];
const outputs = ["core/dist/index.js", "server/dist/main.js", "web/dist/index.html"];

function newestMtime(entry) {
  const full = path.join(root, entry);
  if (!fs.existsSync(full)) return 0;
  const stat = fs.statSync(full);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const child of fs.readdirSync(full)) newest = Math.max(newest, newestMtime(path.join(entry, child)));
  return newest;
}

function oldestOutput() {
  let oldest = Infinity;
  for (const entry of outputs) {
    const full = path.join(root, entry);
    if (!fs.existsSync(full)) return 0;
    oldest = Math.min(oldest, fs.statSync(full).mtimeMs);
  }
  return oldest;
}

if (Math.max(...sources.map(newestMtime)) > oldestOutput()) {
  process.stdout.write("Building Mutual (first run, or the sources changed)…\n");
  const build = spawnSync("npm", ["run", "--silent", "build"], { cwd: root, stdio: "inherit" });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

// The V8 flags the server runs with, and why, are in server/node-flags.json (the bench reads them too).
const { flags } = JSON.parse(fs.readFileSync(path.join(root, "server/node-flags.json"), "utf8"));
const server = spawn(process.execPath, [...flags, path.join(root, "server/dist/main.js")], { cwd: root, stdio: "inherit" });
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill(signal));
server.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
