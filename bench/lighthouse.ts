// npm run bench:lighthouse (and a section of npm run bench): Lighthouse mobile performance and
// accessibility of the main pages of the built app, plus the first-load JavaScript gzip size.
// Targets (issue 7): performance ≥ 95, accessibility 100 on every page.
// Assumes `npm run build` has run. Uses the Chromium at CHROME_PATH (default /usr/bin/chromium);
// never downloads a browser. One Lighthouse run per page: scores move a few points between runs.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import lighthouse from "lighthouse";
import { measureFirstLoadJs, BUDGET_KB, LIMIT_KB } from "../scripts/check-bundle-size.js";
import { DEMO_EMAIL, DEMO_PASSPHRASE } from "../scripts/demo-seed.js";
import { freePort, requireBuiltServer, startServer } from "../scripts/durability/server-process.js";

const PERFORMANCE_TARGET = 95;
const ACCESSIBILITY_TARGET = 100;

const publicPages = ["/", "/sign-in", "/sign-up", "/help"];
// Signed in as the demo person (npm run demo's story), so the pages show real history.
const signedInPages = ["/", "/profile", "/check-in", "/trends", "/practices", "/partner/report", "/account"];
// LIGHTHOUSE_PAGES=/trends,/account audits only those signed-in pages (and no public one),
// each LIGHTHOUSE_RUNS times (default 1), to look into one page; unset, every page once.
const onlyPages = process.env.LIGHTHOUSE_PAGES?.split(",")
  .map((page) => page.trim())
  .filter(Boolean);
const runs = Math.max(1, Number(process.env.LIGHTHOUSE_RUNS ?? "1") || 1);
// LIGHTHOUSE_JSON_DIR=<folder> also keeps each run's full Lighthouse report there, to see where the time goes.
const jsonDir = process.env.LIGHTHOUSE_JSON_DIR;

type PageResult = { page: string; performance: number; accessibility: number; lcpMs: number; tbtMs: number; cls: number };

/** Headless Chromium with a DevTools port for Lighthouse to drive; resolves once the port is known. */
async function launchChromium(): Promise<{ port: number; close: () => Promise<void> }> {
  const chromePath = process.env.CHROME_PATH ?? "/usr/bin/chromium";
  const profileDir = fs.mkdtempSync(path.join(os.tmpdir(), "mutual-lighthouse-chromium-"));
  const args = [
    "--headless=new",
    "--remote-debugging-port=0",
    `--user-data-dir=${profileDir}`,
    "--no-first-run",
    "--no-default-browser-check",
    "--disable-gpu",
    "about:blank",
  ];
  // The sandbox cannot start as root (containers, CI images); elsewhere it stays on.
  if (process.getuid?.() === 0) args.unshift("--no-sandbox");
  const child: ChildProcess = spawn(chromePath, args, { stdio: ["ignore", "ignore", "pipe"] });
  const port = await new Promise<number>((resolve, reject) => {
    let stderr = "";
    const timer = setTimeout(() => reject(new Error(`Chromium gave no DevTools port within 20 s:\n${stderr}`)), 20_000);
    child.stderr?.on("data", (chunk: Buffer) => {
      stderr += chunk.toString("utf8");
      const match = /DevTools listening on ws:\/\/[^:]+:(\d+)\//.exec(stderr);
      if (match) {
        clearTimeout(timer);
        resolve(Number(match[1]));
      }
    });
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`Chromium (${chromePath}) exited with code ${code}:\n${stderr}`));
    });
    // No such file (or not executable): say which path and how to fix it, instead of crashing.
    child.once("error", (error) => {
      clearTimeout(timer);
      reject(new Error(`Chromium could not start from ${chromePath} (${error.message}): install it (apt-get install chromium) or set CHROME_PATH.`));
    });
  });
  return {
    port,
    async close() {
      if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise((resolve) => child.once("exit", resolve));
        child.kill("SIGTERM");
        await exited;
      }
      // Chromium's helper processes can still be writing to the profile for a moment after it exits.
      fs.rmSync(profileDir, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 });
    },
  };
}

/** Audits a page; a run whose trace recording failed (NO_FCP, NO_NAVSTART: a busy machine) is tried once more. */
async function audit(url: string, port: number, cookie?: string): Promise<PageResult> {
  try {
    return await auditOnce(url, port, cookie);
  } catch (error) {
    if (!(error instanceof LighthouseRunError)) throw error;
    process.stderr.write(`${error.message}; trying once more\n`);
    return auditOnce(url, port, cookie);
  }
}

class LighthouseRunError extends Error {}

async function auditOnce(url: string, port: number, cookie?: string): Promise<PageResult> {
  // Lighthouse's default configuration is the mobile one (emulated phone, simulated slow 4G and 4× CPU slowdown).
  const result = await lighthouse(url, {
    port,
    logLevel: "error",
    output: "json",
    onlyCategories: ["performance", "accessibility"],
    // Lighthouse clears the origin's storage (cookies included) before it loads the page, so the
    // session goes in as a header on every request instead.
    ...(cookie ? { extraHeaders: { cookie } } : {}),
  });
  if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
  const { lhr } = result;
  if (jsonDir) {
    fs.mkdirSync(jsonDir, { recursive: true });
    const name = new URL(url).pathname.replace(/[^a-z0-9]+/gi, "_") || "_";
    fs.writeFileSync(path.join(jsonDir, `${name}-${Date.now()}.json`), JSON.stringify(lhr));
  }
  if (lhr.runtimeError) throw new LighthouseRunError(`Lighthouse could not audit ${url}: ${lhr.runtimeError.message}`);
  // A signed-in page that bounced to /sign-in would score the wrong page: refuse instead.
  const requested = new URL(url).pathname;
  const landed = new URL(lhr.finalDisplayedUrl).pathname;
  if (landed !== requested) throw new Error(`${requested} ended on ${landed}: the page was not the one asked for`);
  const score = (id: string) => Math.round((lhr.categories[id]?.score ?? 0) * 100);
  const metric = (id: string) => lhr.audits[id]?.numericValue ?? Number.NaN;
  return {
    page: requested,
    performance: score("performance"),
    accessibility: score("accessibility"),
    lcpMs: metric("largest-contentful-paint"),
    tbtMs: metric("total-blocking-time"),
    cls: metric("cumulative-layout-shift"),
  };
}

async function signIn(baseUrl: string): Promise<string> {
  const response = await fetch(`${baseUrl}/api/auth/sign-in/email`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: baseUrl },
    body: JSON.stringify({ email: DEMO_EMAIL, password: DEMO_PASSPHRASE }),
  });
  const cookie = response.headers
    .getSetCookie()
    .map((header) => header.split(";")[0] ?? "")
    .filter(Boolean)
    .join("; ");
  if (!response.ok || !cookie) throw new Error(`signing in as the demo person failed: ${response.status}`);
  return cookie;
}

function row(signedIn: boolean, result: PageResult): string {
  const mark = (ok: boolean) => (ok ? "✅" : "❌");
  return `| ${result.page}${signedIn ? " (signed in)" : ""} | ${result.performance} ${mark(result.performance >= PERFORMANCE_TARGET)} | ${result.accessibility} ${mark(result.accessibility >= ACCESSIBILITY_TARGET)} | ${Math.round(result.lcpMs)} | ${Math.round(result.tbtMs)} | ${result.cls.toFixed(3)} |`;
}

/** Runs the audits on a fresh data folder seeded with the demo person; returns the report section as markdown lines. */
export async function runLighthouseBench(): Promise<string[]> {
  requireBuiltServer();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "mutual-bench-lighthouse-"));
  const port = await freePort();
  const baseUrl = `http://localhost:${port}`;
  const env = { PORT: String(port), DATA_DIR: dataDir, PUBLIC_URL: baseUrl, LOG_LEVEL: "warn" };
  const lines: string[] = [];
  try {
    const seeded = spawnSync(process.execPath, ["--import", "tsx", "--conditions=source", "scripts/demo.ts"], {
      env: { ...process.env, ...env },
      encoding: "utf8",
    });
    if (seeded.status !== 0) throw new Error(`seeding the demo person failed:\n${seeded.stderr}`);
    const server = await startServer(baseUrl, env);
    // A Chromium that fails to start must not leave the server running.
    const chromium = await launchChromium().catch(async (error: unknown) => {
      await server.stop();
      throw error;
    });
    const results: Array<{ signedIn: boolean; result: PageResult }> = [];
    try {
      for (const page of onlyPages ? [] : publicPages) results.push({ signedIn: false, result: await audit(`${baseUrl}${page}`, chromium.port) });
      const cookie = await signIn(baseUrl);
      for (let run = 0; run < runs; run += 1) {
        for (const page of onlyPages ?? signedInPages) results.push({ signedIn: true, result: await audit(`${baseUrl}${page}`, chromium.port, cookie) });
      }
    } finally {
      await chromium.close();
      await server.stop();
    }
    const { totalKb } = measureFirstLoadJs();
    const allMeet = results.every(({ result }) => result.performance >= PERFORMANCE_TARGET && result.accessibility >= ACCESSIBILITY_TARGET);
    lines.push(
      "## Lighthouse (mobile) and first-load JavaScript",
      "",
      `Lighthouse ${lighthouseVersion()}, mobile form factor with its default throttling (simulated slow 4G, 4× CPU slowdown), headless Chromium, built server on a fresh SQLite data folder; signed-in pages as the demo person (npm run demo's history). One run per page, so scores can move a few points between runs.`,
      "",
      `| page | performance (target ≥ ${PERFORMANCE_TARGET}) | accessibility (target ${ACCESSIBILITY_TARGET}) | LCP ms | TBT ms | CLS |`,
      "| --- | ---: | ---: | ---: | ---: | ---: |",
      ...results.map(({ signedIn, result }) => row(signedIn, result)),
      "",
      `- every page performance ≥ ${PERFORMANCE_TARGET} and accessibility ${ACCESSIBILITY_TARGET}: ${allMeet ? "✅ meets target" : "❌ misses target"}`,
      `- first-load JavaScript ${totalKb.toFixed(1)} KB gzip (level 9; entry and its static imports; budget ${BUDGET_KB} KB, limit ${LIMIT_KB} KB): ${totalKb <= BUDGET_KB ? "✅ within budget" : totalKb <= LIMIT_KB ? "❌ over budget, under limit" : "❌ over limit"}`,
      "",
    );
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
  return lines;
}

function lighthouseVersion(): string {
  const manifest = JSON.parse(fs.readFileSync(path.join(import.meta.dirname, "../node_modules/lighthouse/package.json"), "utf8")) as { version?: string };
  return manifest.version ?? "";
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  for (const line of await runLighthouseBench()) process.stdout.write(`${line}\n`);
}
