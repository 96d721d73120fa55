// Memory during bursts of sign-ins (issue 21): each password check is a deliberately slow scrypt
// that holds 32 MiB while it runs, so how many run at once sets the server's peak memory. The
// built server (with npm start's V8 flags) is started once per setting of PASSWORD_HASHES_AT_ONCE,
// side by side in one run: 4 is what Node's thread pool allowed before the queue (decision 041).
// For each, people sign up (the setup), then bursts of 2, 4, 8 and 16 sign-ins arrive at once, each
// from its own address; RSS is sampled every 5 ms and the peak printed with the burst's latency.
// Run alone: npm run bench:sign-in (builds core and server first).
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import pg from "pg";
import webPush from "web-push";
import { withDefaultUser } from "../server/src/db/database.js";
import { signUpByOutbox } from "../scripts/support/sign-up-by-outbox.js";
import { fmt, rssMegabytes, startProcess, stopProcess, waitForOk } from "./support.js";

const bursts = [2, 4, 8, 16];
const password = "benchmark passphrase long enough";
const goalMb = 150;

type BurstFigure = { size: number; peakRss: number; slowestMs: number; medianMs: number; failed: number };
type SettingFigures = { atOnce: number; idleRss: number; signUpPeakRss: number; bursts: BurstFigure[] };

/** Samples a process's RSS every 5 ms while `work` runs; the peak in MB. */
async function peakRssDuring(pid: number, work: () => Promise<unknown>): Promise<number> {
  let peak = rssMegabytes(pid);
  const timer = setInterval(() => {
    peak = Math.max(peak, rssMegabytes(pid));
  }, 5);
  try {
    await work();
  } finally {
    clearInterval(timer);
  }
  return Math.max(peak, rssMegabytes(pid));
}

/** Web Push keys, which a PostgreSQL server must be given rather than make. */
function vapidEnv(): Record<string, string> {
  const keys = webPush.generateVAPIDKeys();
  return { VAPID_PUBLIC_KEY: keys.publicKey, VAPID_PRIVATE_KEY: keys.privateKey, VAPID_SUBJECT: "mailto:bench@example.test" };
}

/** A database of its own for one server: none for SQLite (it lives in DATA_DIR), a new PostgreSQL database dropped afterwards. */
async function ownDatabase(dialect: "sqlite" | "postgres"): Promise<{ env: Record<string, string>; drop(): Promise<void> }> {
  if (dialect === "sqlite") return { env: {}, drop: async () => undefined };
  const adminUrl = withDefaultUser(process.env.TEST_DATABASE_URL ?? "postgres://localhost/test");
  const name = `mutual_bench_sign_in_${randomBytes(4).toString("hex")}`;
  const admin = async (statement: string) => {
    const client = new pg.Client({ connectionString: adminUrl });
    await client.connect();
    try {
      await client.query(statement);
    } finally {
      await client.end();
    }
  };
  await admin(`create database "${name}"`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  // Several servers may share a PostgreSQL database, so the server asks for its secret and key.
  return {
    env: { DATABASE_URL: url.toString(), AUTH_SECRET: randomBytes(48).toString("base64"), ENCRYPTION_KEY: randomBytes(32).toString("base64"), ...vapidEnv() },
    drop: () => admin(`drop database "${name}" with (force)`),
  };
}

async function measureSetting(atOnce: number, port: number, dialect: "sqlite" | "postgres" = "sqlite"): Promise<SettingFigures> {
  const database = await ownDatabase(dialect);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "mutual-bench-sign-in-"));
  const { flags } = JSON.parse(fs.readFileSync("server/node-flags.json", "utf8")) as { flags: string[] };
  const baseUrl = `http://127.0.0.1:${port}`;
  const origin = `http://localhost:${port}`;
  const server = startProcess(process.execPath, [...flags, "server/dist/main.js"], {
    PORT: String(port),
    HOST: "127.0.0.1",
    DATA_DIR: dataDir,
    LOG_LEVEL: "warn",
    PUBLIC_URL: origin,
    CLIENT_IP_HEADER: "x-forwarded-for",
    PASSWORD_HASHES_AT_ONCE: String(atOnce),
    ...database.env,
  });
  const pid = server.pid ?? 0;
  try {
    await waitForOk(`${baseUrl}/readyz`, performance.now());
    await new Promise((resolve) => setTimeout(resolve, 2000));
    const idleRss = rssMegabytes(pid);
    const people = Math.max(...bursts);
    let address = 0;
    const nextAddress = () => {
      address += 1;
      return `10.${(address >> 16) & 255}.${(address >> 8) & 255}.${address & 255}`;
    };
    // The setup: every person signs up and confirms (a hash and a verification each), four at a time.
    const emails = Array.from({ length: people }, (_, index) => `burst-${index}@example.test`);
    const signUpPeakRss = await peakRssDuring(pid, async () => {
      for (let start = 0; start < emails.length; start += 4) {
        await Promise.all(
          emails
            .slice(start, start + 4)
            .map((email) =>
              signUpByOutbox({ baseUrl, dataDir, headers: { origin, "x-forwarded-for": nextAddress() }, details: { name: "Burst", email, password } }),
            ),
        );
      }
    });
    const figures: BurstFigure[] = [];
    for (const size of bursts) {
      const times: number[] = [];
      let failed = 0;
      const peakRss = await peakRssDuring(pid, () =>
        Promise.all(
          emails.slice(0, size).map(async (email) => {
            const startedAt = performance.now();
            const response = await fetch(`${baseUrl}/api/auth/sign-in/email`, {
              method: "POST",
              headers: { origin, "content-type": "application/json", "x-forwarded-for": nextAddress() },
              body: JSON.stringify({ email, password }),
            });
            await response.arrayBuffer();
            times.push(performance.now() - startedAt);
            if (!response.ok) failed += 1;
          }),
        ),
      );
      const sorted = [...times].sort((a, b) => a - b);
      figures.push({ size, peakRss, slowestMs: sorted.at(-1) ?? 0, medianMs: sorted[Math.floor(sorted.length / 2)] ?? 0, failed });
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    return { atOnce, idleRss, signUpPeakRss, bursts: figures };
  } finally {
    await stopProcess(server);
    fs.rmSync(dataDir, { recursive: true, force: true });
    await database.drop();
  }
}

/** The sign-in burst section of the bench report (markdown lines); expects a built server. */
export async function runSignInBurstBench(settings: readonly number[] = [4, 2, 1], dialect: "sqlite" | "postgres" = "sqlite"): Promise<string[]> {
  const results: SettingFigures[] = [];
  for (const [index, atOnce] of settings.entries()) results.push(await measureSetting(atOnce, 3350 + index, dialect));
  const lines = [
    `## Memory during sign-in bursts (built server, npm start's V8 flags, ${dialect === "sqlite" ? "SQLite" : "PostgreSQL"})`,
    "",
    `Peak RSS (MB) sampled every 5 ms; each burst is that many sign-ins sent at once from different addresses; slowest and median answer in ms. Goal: peak ≤ ${goalMb} MB.`,
    "",
    `| password hashes at once | idle | sign-up setup peak | ${bursts.map((size) => `${size} at once: peak / slowest / median`).join(" | ")} |`,
    `| ---: | ---: | ---: | ${bursts.map(() => "---:").join(" | ")} |`,
    ...results.map(
      (result) =>
        `| ${result.atOnce}${result.atOnce === 4 ? " (Node's pool: no queue)" : ""} | ${fmt(result.idleRss)} | ${fmt(result.signUpPeakRss)} | ${result.bursts
          .map((burst) => `${fmt(burst.peakRss)} / ${fmt(burst.slowestMs)} / ${fmt(burst.medianMs)}${burst.failed > 0 ? ` (${burst.failed} failed)` : ""}`)
          .join(" | ")} |`,
    ),
    "",
  ];
  for (const result of results) {
    const peak = Math.max(result.signUpPeakRss, ...result.bursts.map((burst) => burst.peakRss));
    lines.push(`- ${result.atOnce} at once: highest peak ${fmt(peak)} MB (goal ≤ ${goalMb} MB): ${peak <= goalMb ? "✅ meets goal" : "❌ misses goal"}`);
  }
  lines.push("");
  return lines;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const settings = (process.env.PASSWORD_HASHES_SETTINGS ?? "4,2,1").split(",").map(Number);
  // BENCH_SIGN_IN_DIALECTS=sqlite,postgres: the server's own RSS with each database (PostgreSQL's processes are not counted).
  for (const dialect of (process.env.BENCH_SIGN_IN_DIALECTS ?? "sqlite").split(",") as Array<"sqlite" | "postgres">)
    for (const line of await runSignInBurstBench(settings, dialect)) process.stdout.write(`${line}\n`);
}
