// Dashboard at scale (issue 6): the counsellor's dashboard over 5,000 clients (bench/scale-data.ts),
// on SQLite and on PostgreSQL. Measured in process with Fastify's app.inject (no sockets), so the
// figures are the app's own time per request: session lookup, gates, every query, the in-memory
// change and sort, the audit rows of the page, and the JSON out. Sequential requests, after a warm-up.
// Target: p95 ≤ 50 ms on both databases. `npm run bench:dashboard` runs only this.
import { pathToFileURL } from "node:url";
import Fastify, { type FastifyInstance } from "fastify";
import { pino } from "pino";
import { buildApp } from "../server/src/app.js";
import type { OutgoingEmail } from "../server/src/platform/mailer.js";
import { signUpThroughEmail } from "../server/test/sign-up-through-email.js";
import { loadConfig } from "../server/src/config.js";
import type { Database, Dialect } from "../server/src/db/database.js";
import { DEFAULT_SCALE, openScaleDatabase, seedScaleData, type ScaleData } from "./scale-data.js";
import { fmt } from "./support.js";
import { keyringOf } from "../server/src/platform/crypto.js";

const origin = "http://localhost:3000";
/** Warm-up requests and timed samples per page (environment overrides for quick runs). */
export const warmUp = Number(process.env.BENCH_DASHBOARD_WARMUP ?? 20);
export const samples = Number(process.env.BENCH_DASHBOARD_SAMPLES ?? 200);

export const DASHBOARD_PAGES: ReadonlyArray<{ label: string; query: string }> = [
  { label: "first page (sorted by name, 25 rows)", query: "" },
  { label: "filtered: flag = low-intimacy", query: "?flag=low-intimacy" },
  { label: "filtered: overdue", query: "?overdue=true" },
  { label: "filtered: off track, sorted by We (desc)", query: "?offTrack=true&sort=we&order=desc" },
];

export type DashboardFigures = {
  dialect: Dialect;
  scale: ScaleData;
  summaryBuildMs: number;
  /** `cpuMs`: mean CPU time per timed request, when the caller can count it (see timeDashboardPages). */
  pages: Array<{ label: string; total: number; p50: number; p95: number; max: number; cpuMs?: number }>;
};

export function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
}

async function signUpCounsellor(app: FastifyInstance, sentEmails: readonly OutgoingEmail[]): Promise<{ cookie: string; userId: string }> {
  const details = { name: "Bench Counsellor", email: `bench-counsellor-${Date.now()}@example.test`, password: "benchmark passphrase long enough" };
  const cookie = await signUpThroughEmail(app, sentEmails, details, { headers: { origin, "content-type": "application/json" } });
  const me = await app.inject({ method: "GET", url: "/api/me", headers: { cookie } });
  return { cookie, userId: (me.json() as { user: { id: string } }).user.id };
}

/** The app over a bench database, with a counsellor signed up through the API (a real session) and two-step sign-in on. */
export async function openDashboardApp(database: Database): Promise<{ app: FastifyInstance; counsellor: { cookie: string; userId: string } }> {
  const config = loadConfig({ NODE_ENV: "production", PUBLIC_URL: origin, LOG_LEVEL: "warn" });
  const sentEmails: OutgoingEmail[] = [];
  const app = await buildApp({
    config,
    database,
    logger: pino({ level: "warn" }),
    // Kept in memory: the counsellor's sign-up link is followed from here.
    mailer: { send: async (email) => void sentEmails.push(email), close: () => undefined },
    authSecret: "bench-secret-that-is-long-enough-for-better-auth-0123456789",
    keyring: keyringOf({ id: "bench-k1", key: Buffer.alloc(32, 9) }),
  });
  try {
    await app.ready();
    const counsellor = await signUpCounsellor(app, sentEmails);
    // Two-step sign-in on, as the gate requires; set on the row the session query reads (decision 014).
    await database.db
      .updateTable("user")
      .set({ twoFactorEnabled: database.dialect === "sqlite" ? 1 : true })
      .where("id", "=", counsellor.userId)
      .execute();
    return { app, counsellor };
  } catch (error) {
    await app.close();
    throw error;
  }
}

/**
 * Times every dashboard page of the practice; the first read (which builds the summary rows) on its
 * own. `cpuMs`, if given, reads the CPU milliseconds used so far by whatever serves the requests.
 */
export async function timeDashboardPages(
  app: FastifyInstance,
  cookie: string,
  practiceId: string,
  cpuMs?: () => number,
): Promise<Pick<DashboardFigures, "summaryBuildMs" | "pages">> {
  // The data was loaded straight into the tables, so the first read builds every member's
  // summary row (decision 018): timed on its own, as a deployment upgrading would see it once.
  const firstUrl = `/api/practices/${practiceId}/dashboard`;
  const buildStarted = performance.now();
  const first = await app.inject({ method: "GET", url: firstUrl, headers: { cookie } });
  const summaryBuildMs = performance.now() - buildStarted;
  if (first.statusCode !== 200) throw new Error(`${firstUrl} answered ${first.statusCode}: ${first.body}`);
  const pages: DashboardFigures["pages"] = [];
  for (const page of DASHBOARD_PAGES) {
    const url = `/api/practices/${practiceId}/dashboard${page.query}`;
    let total = 0;
    const times: number[] = [];
    let cpuAtStart = 0;
    for (let run = 0; run < warmUp + samples; run += 1) {
      if (run === warmUp) cpuAtStart = cpuMs?.() ?? 0;
      const started = performance.now();
      const response = await app.inject({ method: "GET", url, headers: { cookie } });
      const elapsed = performance.now() - started;
      if (response.statusCode !== 200) throw new Error(`${url} answered ${response.statusCode}: ${response.body}`);
      if (run >= warmUp) times.push(elapsed);
      else total = (response.json() as { total: number }).total;
    }
    const cpu = cpuMs ? { cpuMs: (cpuMs() - cpuAtStart) / samples } : {};
    times.sort((a, b) => a - b);
    pages.push({ label: page.label, total, p50: percentile(times, 50), p95: percentile(times, 95), max: times.at(-1) ?? 0, ...cpu });
  }
  return { summaryBuildMs, pages };
}

/** Seeds one database, then times each dashboard page. */
export async function measureDashboard(dialect: Dialect): Promise<DashboardFigures> {
  const { database, destroy } = await openScaleDatabase(dialect);
  try {
    const { app, counsellor } = await openDashboardApp(database);
    try {
      const scale = await seedScaleData(database, counsellor.userId, DEFAULT_SCALE);
      return { dialect, scale, ...(await timeDashboardPages(app, counsellor.cookie, scale.largePracticeId)) };
    } finally {
      await app.close();
    }
  } finally {
    await destroy();
  }
}

/**
 * The baseline for the dashboard's ratio, measured the same way in the same run: a bare Fastify
 * app answering GET /livez through app.inject, sequentially. Returns its median milliseconds.
 */
export async function measureBareInjectP50(): Promise<number> {
  const bare = Fastify();
  bare.get("/livez", async () => ({ status: "ok" }));
  await bare.ready();
  const times: number[] = [];
  for (let run = 0; run < 2_000 + warmUp * 10; run += 1) {
    const started = performance.now();
    await bare.inject({ method: "GET", url: "/livez" });
    if (run >= warmUp * 10) times.push(performance.now() - started);
  }
  await bare.close();
  return percentile(
    times.sort((a, b) => a - b),
    50,
  );
}

/** The report section, as markdown lines. */
export async function runDashboardBench(): Promise<string[]> {
  const bareP50 = await measureBareInjectP50();
  const figures = [await measureDashboard("sqlite"), await measureDashboard("postgres")];
  const first = figures[0]!.scale;
  const lines = [
    "## Dashboard at 5,000 clients",
    "",
    `${DEFAULT_SCALE.practices} practices; the measured one has ${DEFAULT_SCALE.largePracticeClients.toLocaleString("en")} clients (one in ${DEFAULT_SCALE.coupleEvery} a couple), all of one counsellor; ${first.people.toLocaleString("en")} people in all, each with ${DEFAULT_SCALE.assessmentsPerPerson} completed assessments (answers and score rows) and ${DEFAULT_SCALE.checkInsPerPerson} weekly check-ins (${first.rows.toLocaleString("en")} rows). Measured in process with app.inject (no network), ${samples} sequential requests per page after ${warmUp} warm-up requests; each request includes the page's audit rows. Target p95 ≤ 50 ms.`,
    "",
    `Baseline in the same run and the same way: a bare Fastify app answering GET /livez through app.inject, p50 ${fmt(bareP50 * 1000, 0)} µs. The ratio is the page's sequential rate (1 / its p50) over the baseline's.`,
    "",
    "| database | page | matching clients | p50 ms | p95 ms | max ms | ratio to bare Fastify | target |",
    "| --- | --- | ---: | ---: | ---: | ---: | ---: | --- |",
  ];
  for (const figure of figures) {
    for (const page of figure.pages) {
      lines.push(
        `| ${figure.dialect === "sqlite" ? "SQLite" : "PostgreSQL"} | ${page.label} | ${page.total.toLocaleString("en")} | ${fmt(page.p50, 1)} | ${fmt(page.p95, 1)} | ${fmt(page.max, 1)} | ${fmt((bareP50 / page.p50) * 100, 2)} % | ${page.p95 <= 50 ? "✅" : "❌"} |`,
      );
    }
  }
  const where = (figure: DashboardFigures) => (figure.dialect === "sqlite" ? "SQLite" : "PostgreSQL");
  lines.push(
    "",
    `Seeding took ${figures.map((figure) => `${fmt(figure.scale.seconds, 1)} s on ${where(figure)}`).join(" and ")}. The first dashboard read after loading also built the summary rows of the measured practice's ${DEFAULT_SCALE.largePracticeClients.toLocaleString("en")} clients (decision 018), once: ${figures.map((figure) => `${fmt(figure.summaryBuildMs, 0)} ms on ${where(figure)}`).join(" and ")}.`,
    "",
  );
  return lines;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  for (const line of await runDashboardBench()) process.stdout.write(`${line}\n`);
  process.exit(0);
}
