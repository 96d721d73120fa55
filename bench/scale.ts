// PostgreSQL scale run (issue 7): a million people and twenty million check-ins loaded with COPY
// (bench/scale-copy.ts) into a schema the real migrations made, then the counsellor's dashboard
// (practice 0, 5,000 clients) timed as bench/dashboard.ts times it, and the instrument's
// psychometrics over every person of the deployment (decision 022) timed, with the process's
// memory sampled while it runs. Writes bench/results/<date>-scale.md and prints it; the schema is
// dropped at the end, also on failure. `SCALE_PEOPLE=20000 npm run bench:scale` for a small run;
// SCALE_KEEP_INDEXES=1 loads with every index and foreign key in place, to compare load times.
// Not part of `npm run bench`: at full size it takes many minutes.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import v8 from "node:v8";
import vm from "node:vm";
import { fileURLToPath } from "node:url";
import { Kysely, PostgresDialect } from "kysely";
import pg from "pg";
import type { Database } from "../server/src/db/database.js";
import { StorageHealth } from "../server/src/db/storage-health.js";
import type { DB } from "../server/src/db/schema.js";
import { computeDeploymentPsychometrics, type DeploymentPsychometrics } from "../server/src/modules/deployment-psychometrics/index.js";
import { openDashboardApp, samples, timeDashboardPages, warmUp } from "./dashboard.js";
import { COPY_SCALE, loadScaleDataWithCopy, personIdOf, withScaleClient, type CopyLoad } from "./scale-copy.js";
import { openScaleDatabase, type ScalePostgres } from "./scale-data.js";
import { fmt } from "./support.js";

const people = Number(process.env.SCALE_PEOPLE ?? COPY_SCALE.people);
if (!Number.isInteger(people) || people < 2) throw new Error(`SCALE_PEOPLE must be a whole number of at least 2, not ${process.env.SCALE_PEOPLE}`);
/** The smaller deployment the psychometrics memory is compared with. */
const comparePeople = Math.min(100_000, Math.floor(people / 10));
const psychometricsRuns = 3;
/** SCALE_KEEP_INDEXES=1 loads with every index and foreign key in place (slower; for comparison). */
const deferIndexes = process.env.SCALE_KEEP_INDEXES !== "1";
const megabyte = 2 ** 20;

const say = (message: string) => process.stderr.write(`[scale ${new Date().toISOString().slice(11, 19)}] ${message}\n`);

// A collection before each baseline, so "above the baseline" counts what the run itself holds.
v8.setFlagsFromString("--expose-gc");
const collectGarbage = vm.runInNewContext("gc") as () => void;

type PsychometricsRun = {
  seconds: number;
  cpuSeconds: number;
  result: DeploymentPsychometrics;
  baselineHeapMb: number;
  peakHeapAboveMb: number;
  baselineRssMb: number;
  peakRssMb: number;
};

/**
 * One run of the deployment-wide psychometrics, with heap used and RSS sampled every 50 ms. Heap
 * used includes garbage the collector has not reclaimed yet; with `collectEachPage` a collection
 * runs after every page and the peak is what the computation really holds (slower: not timed).
 */
async function measurePsychometrics(observed: ObservedDatabase, collectEachPage = false): Promise<PsychometricsRun> {
  collectGarbage();
  const baseline = process.memoryUsage();
  let peakHeap = baseline.heapUsed;
  let peakRss = baseline.rss;
  const sample = () => {
    const usage = process.memoryUsage();
    peakHeap = Math.max(peakHeap, usage.heapUsed);
    peakRss = Math.max(peakRss, usage.rss);
  };
  const timer = collectEachPage ? undefined : setInterval(sample, 50);
  const cpuAtStart = observed.cpuMs();
  const started = performance.now();
  try {
    const result = await computeDeploymentPsychometrics(observed.database.db, collectEachPage ? { onProgress: () => (collectGarbage(), sample()) } : {});
    const seconds = (performance.now() - started) / 1000;
    const cpuSeconds = (observed.cpuMs() - cpuAtStart) / 1000;
    if (!collectEachPage) sample();
    return {
      seconds,
      cpuSeconds,
      result,
      baselineHeapMb: baseline.heapUsed / megabyte,
      peakHeapAboveMb: (peakHeap - baseline.heapUsed) / megabyte,
      baselineRssMb: baseline.rss / megabyte,
      peakRssMb: peakRss / megabyte,
    };
  } finally {
    clearInterval(timer);
  }
}

/** Timed runs, then one that measures what the computation holds. */
async function psychometricsFigures(observed: ObservedDatabase, runs: number): Promise<{ runs: PsychometricsRun[]; held: PsychometricsRun }> {
  const timed: PsychometricsRun[] = [];
  for (let run = 0; run < runs; run += 1) {
    timed.push(await measurePsychometrics(observed));
    say(`psychometrics run ${run + 1}: ${fmt(timed.at(-1)!.seconds, 2)} s`);
  }
  return { runs: timed, held: await measurePsychometrics(observed, true) };
}

async function runStatements(target: ScalePostgres, statements: string[]): Promise<void> {
  await withScaleClient(target, async (client) => {
    for (const statement of statements) await client.query(statement);
  });
}

/**
 * The same psychometrics over a smaller deployment: the score rows of the first `count` people,
 * copied into a table of the same definition (indexes included) in a schema of its own, since the
 * function reads only that table and takes no limit.
 */
async function measureSmallerDeployment(target: ScalePostgres, count: number): Promise<Awaited<ReturnType<typeof psychometricsFigures>>> {
  const side = `${target.schema}_subset`;
  await runStatements(target, [
    `create schema "${side}"`,
    `create table "${side}".assessment_score (like "${target.schema}".assessment_score including all)`,
    `insert into "${side}".assessment_score select * from "${target.schema}".assessment_score where user_id < '${personIdOf(count)}'`,
    `analyze "${side}".assessment_score`,
  ]);
  const observed = openObservedDatabase({ connectionString: target.connectionString, schema: side });
  try {
    // A first run warms the side table's pages, as the runs over the whole deployment warmed theirs.
    await measurePsychometrics(observed);
    return await psychometricsFigures(observed, 1);
  } finally {
    await observed.database.close();
    await runStatements(target, [`drop schema "${side}" cascade`]);
  }
}

async function postgresFacts(target: ScalePostgres): Promise<{ version: string; sharedBuffers: string; sizes: Map<string, number> }> {
  return withScaleClient(target, async (client) => {
    const version = (await client.query<{ server_version: string }>("show server_version")).rows[0]?.server_version ?? "?";
    const sharedBuffers = (await client.query<{ shared_buffers: string }>("show shared_buffers")).rows[0]?.shared_buffers ?? "?";
    const sizes = await client.query<{ table: string; bytes: string }>(
      `select c.relname as table, pg_total_relation_size(c.oid) as bytes from pg_class c join pg_namespace n on n.oid = c.relnamespace where n.nspname = $1 and c.relkind = 'r'`,
      [target.schema],
    );
    return { version, sharedBuffers, sizes: new Map(sizes.rows.map((row) => [row.table, Number(row.bytes)])) };
  });
}

/**
 * The app's own connection pool on the bench schema, which notes each connection's server process,
 * so the dashboard's CPU per request can be counted (this process and those backends) apart from
 * whatever else the machine runs: wall-clock times on a shared machine depend on its load.
 */
type ObservedDatabase = { database: Database; cpuMs(): number };

function openObservedDatabase(target: ScalePostgres): ObservedDatabase {
  const backends = new Set<number>();
  // No idle timeout: a backend closed mid-page would take its CPU count with it.
  const pool = new pg.Pool({ connectionString: target.connectionString, max: 4, idleTimeoutMillis: 0, options: `-c search_path=${target.schema}` });
  pool.on("connect", (client) => {
    const pid = (client as unknown as { processID: number | null }).processID;
    if (pid) backends.add(pid);
  });
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
  const ticksMs = 10; // Linux's USER_HZ of 100
  const backendCpuMs = (pid: number): number => {
    try {
      // utime and stime: the 12th and 13th fields after the command name's closing parenthesis.
      const fields = fs.readFileSync(`/proc/${pid}/stat`, "utf8").split(")").at(-1)!.trim().split(" ");
      return (Number(fields[11]) + Number(fields[12])) * ticksMs;
    } catch {
      return 0;
    }
  };
  return {
    database: { dialect: "postgres", db, health: new StorageHealth(), close: () => db.destroy() },
    cpuMs() {
      const own = process.cpuUsage();
      return (own.user + own.system) / 1000 + [...backends].reduce((sum, pid) => sum + backendCpuMs(pid), 0);
    },
  };
}

const median = (values: readonly number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;
const loadAverage = () =>
  os
    .loadavg()
    .map((value) => fmt(value, 2))
    .join(" / ");
/** The commit measured, and whether the working tree had changes on top of it. */
function commit(): string {
  try {
    const head = execFileSync("git", ["rev-parse", "--short", "HEAD"], { encoding: "utf8" }).trim();
    const dirty = execFileSync("git", ["status", "--porcelain", "--untracked-files=no"], { encoding: "utf8" }).trim() !== "";
    return dirty ? `${head} with uncommitted changes` : head;
  } catch {
    return "unknown";
  }
}
const mark = (ok: boolean) => (ok ? "✅" : "❌");

async function main(): Promise<string[]> {
  const startedAt = new Date();
  const loadAtStart = loadAverage();
  // The app and the psychometrics use a pool of their own (openObservedDatabase); this one only migrated.
  const { postgres, destroy } = await openScaleDatabase("postgres");
  if (!postgres) throw new Error("openScaleDatabase gave no PostgreSQL schema");
  const stop = () => {
    say("interrupted: dropping the schema");
    void destroy().finally(() => process.exit(130));
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
  try {
    say(`schema ${postgres.schema}: loading ${people.toLocaleString("en")} people with COPY`);
    const observed = openObservedDatabase(postgres);
    try {
      const { app, counsellor } = await openDashboardApp(observed.database);
      let load: CopyLoad;
      let dashboard: Figures["dashboard"];
      try {
        load = await loadScaleDataWithCopy(postgres, counsellor.userId, { ...COPY_SCALE, people, deferIndexes }, Date.now(), say);
        say(`loaded in ${fmt(load.seconds, 1)} s; timing the dashboard`);
        dashboard = { ...(await timeDashboardPages(app, counsellor.cookie, load.largePracticeId, observed.cpuMs)), loadAverage: loadAverage() };
      } finally {
        await app.close();
      }
      say("psychometrics over the whole deployment");
      const psychometrics = await psychometricsFigures(observed, psychometricsRuns);
      say(`over the first ${comparePeople.toLocaleString("en")} people, for comparison`);
      const smaller = comparePeople >= 1000 ? await measureSmallerDeployment(postgres, comparePeople) : null;
      const facts = await postgresFacts(postgres);
      return report({ startedAt, loadAtStart, load, dashboard, psychometrics, smaller, facts });
    } finally {
      await observed.database.close();
    }
  } finally {
    await destroy();
    say(`schema ${postgres.schema} dropped`);
  }
}

type Figures = {
  startedAt: Date;
  loadAtStart: string;
  load: CopyLoad;
  dashboard: Awaited<ReturnType<typeof timeDashboardPages>> & { loadAverage: string };
  psychometrics: Awaited<ReturnType<typeof psychometricsFigures>>;
  smaller: Awaited<ReturnType<typeof psychometricsFigures>> | null;
  facts: Awaited<ReturnType<typeof postgresFacts>>;
};

function report({ startedAt, loadAtStart, load, dashboard, psychometrics, smaller, facts }: Figures): string[] {
  const runs = psychometrics.runs;
  const rows = load.tables.reduce((sum, table) => sum + table.rows, 0);
  const copySeconds = load.tables.reduce((sum, table) => sum + table.seconds, 0);
  const bytes = [...facts.sizes.values()].reduce((sum, size) => sum + size, 0);
  const atScale = people >= COPY_SCALE.people;
  const worstP95 = Math.max(...dashboard.pages.map((page) => page.p95));
  const seconds = median(runs.map((run) => run.seconds));
  const peakHeap = Math.max(...runs.map((run) => run.peakHeapAboveMb));
  const peakRss = Math.max(...runs.map((run) => run.peakRssMb));
  const result = runs[0]!.result;
  const assessments = load.tables.find((table) => table.table === "assessment_score")?.rows ?? 0;
  // Bounded: ten times the people must not hold more (a page of rows is the same size at any scale).
  const held = psychometrics.held.peakHeapAboveMb;
  // Only meaningful when the smaller deployment spans many pages too (10,000 rows a page).
  const bounded = smaller && comparePeople >= 50_000 ? held <= smaller.held.peakHeapAboveMb * 1.25 + 2 : null;
  const lines = [
    `# Mutual PostgreSQL scale run · ${startedAt.toISOString()}`,
    "",
    `Machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? "cpu"}, ${fmt(os.totalmem() / 2 ** 30, 0)} GiB, Node ${process.version}, commit ${commit()}, PostgreSQL ${facts.version} (shared_buffers ${facts.sharedBuffers}, otherwise as installed) on the same machine. Load average (1 / 5 / 15 min) ${loadAtStart} at the start and ${loadAverage()} at the end (${os.cpus().length} CPUs: a load above ${os.cpus().length} means other work shared them, and the times are then longer than on a machine to itself).`,
    "",
    "## Dataset",
    "",
    `${load.people.toLocaleString("en")} people as ${load.clients.toLocaleString("en")} clients (one in ${COPY_SCALE.coupleEvery} a couple) of ${load.practices.toLocaleString("en")} practices of up to ${COPY_SCALE.clientsPerPractice.toLocaleString("en")} clients, each practice with its own counsellor; practice 0 is the measured one, its counsellor signed up through the API with two-step sign-in on. Every person: ${COPY_SCALE.checkInsPerPerson} weekly check-ins, one completed profile (every ${COPY_SCALE.retakeEvery}th person a retake too) with its answers, score row (scores, flags and packed scored answers, as the submit writes them) and safety row; most share profile and check-ins with their counsellor. Written with COPY FROM STDIN, generated while streamed, into a schema created by the real migrations.`,
    "",
    "| table | rows | COPY s | size on disk (with indexes) |",
    "| --- | ---: | ---: | ---: |",
    ...load.tables.map(
      (table) =>
        `| ${table.table} | ${table.rows.toLocaleString("en")} | ${fmt(table.seconds, 1)} | ${fmt((facts.sizes.get(table.table) ?? 0) / megabyte, 0)} MB |`,
    ),
    `| **all** | **${rows.toLocaleString("en")}** | **${fmt(copySeconds, 1)}** | **${fmt(bytes / 2 ** 30, 1)} GB** (schema) |`,
    "",
    `Load time ${fmt(load.seconds / 60, 1)} min: COPY ${fmt(copySeconds, 0)} s, ${load.indexSeconds > 0 ? `indexes and constraints dropped before and recreated after (foreign keys validated; checked identical to the migrations' in the catalog) ${fmt(load.indexSeconds, 0)} s, ` : ""}analyze ${fmt(load.analyzeSeconds, 0)} s.`,
    "",
    `## Dashboard of practice 0 (${COPY_SCALE.clientsPerPractice.toLocaleString("en")} clients) among ${load.people.toLocaleString("en")} people`,
    "",
    `Measured in process with app.inject as \`npm run bench:dashboard\` does: ${samples} sequential requests per page after ${warmUp} warm-up requests, each including the page's audit rows. CPU per request is the mean over the timed requests of the CPU time of this process and of the app's PostgreSQL server processes (from /proc): the work a request costs, which the machine's load does not change much, unlike the wall-clock times.`,
    "",
    "| page | matching clients | p50 ms | p95 ms | max ms | CPU ms per request | target p95 ≤ 50 ms |",
    "| --- | ---: | ---: | ---: | ---: | ---: | --- |",
    ...dashboard.pages.map(
      (page) =>
        `| ${page.label} | ${page.total.toLocaleString("en")} | ${fmt(page.p50, 1)} | ${fmt(page.p95, 1)} | ${fmt(page.max, 1)} | ${page.cpuMs === undefined ? "—" : fmt(page.cpuMs, 1)} | ${mark(page.p95 <= 50)} |`,
    ),
    "",
    `Load average when the timing ended: ${dashboard.loadAverage}. The first read after loading also built the summary rows of the practice's clients (decision 018), once: ${fmt(dashboard.summaryBuildMs, 0)} ms.`,
    "",
    "## Psychometrics over the whole deployment",
    "",
    `computeDeploymentPsychometrics (decision 022): each person's latest completed profile, read in keyset pages from the packed scored answers of ${assessments.toLocaleString("en")} score rows. ${result.respondents.toLocaleString("en")} respondents, ${result.unreadable} unreadable. Runs: ${runs.map((run) => `${fmt(run.seconds, 2)} s`).join(", ")}; median **${fmt(seconds, 2)} s**. CPU time of the runs (this process and its PostgreSQL server processes): ${runs.map((run) => `${fmt(run.cpuSeconds, 2)} s`).join(", ")}.`,
    "",
    `Memory, sampled every 50 ms during each timed run after a garbage collection: peak heap used ${fmt(peakHeap, 1)} MB above the baseline of ${fmt(runs[0]!.baselineHeapMb, 1)} MB (garbage not yet collected included); peak RSS of the whole process ${fmt(peakRss, 0)} MB (${fmt(runs[0]!.baselineRssMb, 0)} MB before the first run). What the computation holds, measured in a further run with a collection after every page: at most **${fmt(held, 1)} MB** above the baseline.${
      smaller
        ? ` The same over the first ${comparePeople.toLocaleString("en")} people (their score rows alone, copied to a table of the same definition in a schema of its own): ${fmt(smaller.runs[0]!.seconds, 2)} s, peak heap used ${fmt(smaller.runs[0]!.peakHeapAboveMb, 1)} MB above the baseline, held at most **${fmt(smaller.held.peakHeapAboveMb, 1)} MB**; ${smaller.held.result.respondents.toLocaleString("en")} respondents.`
        : ""
    }`,
    "",
    "The answers come from a few dozen synthetic templates (bench/scale-data.ts), so these figures test the computation, not the instrument.",
    "",
    "| dimension | N | alpha | mean | SD |",
    "| --- | ---: | ---: | ---: | ---: |",
    ...result.summary.map(
      (entry) =>
        `| ${entry.dimension} | ${entry.n.toLocaleString("en")} | ${entry.alpha === null ? "—" : fmt(entry.alpha, 3)} | ${entry.mean === null ? "—" : fmt(entry.mean, 1)} | ${entry.sd === null ? "—" : fmt(entry.sd, 1)} |`,
    ),
    "",
    "## Targets",
    "",
    ...(atScale ? [] : [`At ${people.toLocaleString("en")} people, not the target's 1,000,000: a trial run.`, ""]),
    "| target | measured | |",
    "| --- | --- | --- |",
    `| dashboard p95 ≤ 50 ms at ${load.people.toLocaleString("en")} people | worst page p95 ${fmt(worstP95, 1)} ms | ${mark(worstP95 <= 50)} |`,
    `| psychometrics over ${assessments.toLocaleString("en")} assessments ≤ 5 s | median ${fmt(seconds, 2)} s | ${mark(seconds <= 5)} |`,
    `| …in bounded memory | held ${fmt(held, 1)} MB${smaller ? ` (${fmt(smaller.held.peakHeapAboveMb, 1)} MB at ${comparePeople.toLocaleString("en")} people)` : ""}; peak heap used +${fmt(peakHeap, 1)} MB | ${bounded === null ? "—" : mark(bounded)} |`,
    "",
  ];
  return lines;
}

const lines = await main();
const text = `${lines.join("\n")}\n`;
const resultsDir = path.join(path.dirname(fileURLToPath(import.meta.url)), "results");
const file = path.join(resultsDir, `${new Date().toISOString().slice(0, 10)}-scale.md`);
fs.mkdirSync(resultsDir, { recursive: true });
fs.writeFileSync(file, text);
process.stdout.write(text);
say(`written to ${path.relative(process.cwd(), file)}`);
process.exit(0);
