// Exports against size (issue 21): the practice's scores CSV at 1,000, 20,000 and 100,000 clients
// (BENCH_EXPORT_SIZES) and the person's own data export with many "who viewed my data" rows
// (BENCH_EXPORT_AUDIT_ROWS), on SQLite and PostgreSQL (BENCH_EXPORT_DIALECTS). For each: the whole
// answer's time, the longest event-loop stall while it ran (perf_hooks.monitorEventLoopDelay: what
// any other request waited for the thread), the slowest of small requests sent every 10 ms during it
// (GET /api/me: a session read, so it also waits for a database connection the export holds), and
// the peak RSS over the RSS before. Over a local socket, the answer read and dropped as it arrives.
// `npm run bench:exports`.
import { randomUUID } from "node:crypto";
import { monitorEventLoopDelay } from "node:perf_hooks";
import { pathToFileURL } from "node:url";
import type { FastifyInstance } from "fastify";
import { sql } from "kysely";
import type { Dialect } from "../server/src/db/database.js";
import { openDashboardApp } from "./dashboard.js";
import { openScaleDatabase, largePracticeScale, seedScaleData } from "./scale-data.js";
import { fmt } from "./support.js";

const sizes = (process.env.BENCH_EXPORT_SIZES ?? "1000,20000,100000").split(",").map(Number);
const auditRows = (process.env.BENCH_EXPORT_AUDIT_ROWS ?? "10000,200000").split(",").map(Number);
const dialects = (process.env.BENCH_EXPORT_DIALECTS ?? "sqlite,postgres").split(",") as Dialect[];
const runs = Number(process.env.BENCH_EXPORT_RUNS ?? 3);

export type ExportFigure = { ms: number; bytes: number; stallMs: number; probeMaxMs: number; rssPeakMb: number; heapPeakMb: number; rssBeforeMb: number };

const mb = (bytes: number) => bytes / 1024 / 1024;

function baseOf(app: FastifyInstance): string {
  const address = app.server.address();
  if (address === null || typeof address === "string") throw new Error("The bench's app is not listening on a port.");
  return `http://127.0.0.1:${address.port}`;
}

/** One request, watched: its time, the longest event-loop stall, the slowest probe request meanwhile, and peak RSS. */
/**
 * Over a real socket (the app listening on a local port), read and dropped as it arrives, as a
 * browser saving a download does: the process's RSS is then the server's, not a copy of the answer
 * collected in process by app.inject.
 */
async function watched(app: FastifyInstance, cookie: string, url: string): Promise<ExportFigure> {
  globalThis.gc?.();
  const rssBefore = process.memoryUsage().rss;
  const heapBefore = process.memoryUsage().heapUsed;
  let rssPeak = rssBefore;
  let heapPeak = heapBefore;
  const delay = monitorEventLoopDelay({ resolution: 1 });
  let done = false;
  let probeMax = 0;
  // Each probe counts from when it was due: time the event loop held it back counts as waiting.
  const probes = (async () => {
    while (!done) {
      const due = performance.now() + 10;
      await new Promise((resolve) => setTimeout(resolve, 10));
      if (done) break;
      await (await fetch(`${baseOf(app)}/api/me`, { headers: { cookie } })).arrayBuffer();
      probeMax = Math.max(probeMax, performance.now() - due);
    }
  })();
  const sampler = setInterval(() => {
    const usage = process.memoryUsage();
    rssPeak = Math.max(rssPeak, usage.rss);
    heapPeak = Math.max(heapPeak, usage.heapUsed);
  }, 5);
  delay.enable();
  // The histogram records from its first tick: a request that holds the thread from its start would go unseen.
  await new Promise((resolve) => setTimeout(resolve, 5));
  const started = performance.now();
  const response = await fetch(`${baseOf(app)}${url}`, { headers: { cookie } });
  let bytes = 0;
  for await (const chunk of response.body ?? []) bytes += (chunk as Uint8Array).length;
  const ms = performance.now() - started;
  // A stall at the very end is recorded when the histogram's timer next runs.
  await new Promise((resolve) => setTimeout(resolve, 20));
  delay.disable();
  done = true;
  clearInterval(sampler);
  rssPeak = Math.max(rssPeak, process.memoryUsage().rss);
  await probes;
  if (response.status !== 200) throw new Error(`${url} answered ${response.status}`);
  return {
    ms,
    bytes,
    stallMs: delay.max / 1e6,
    probeMaxMs: probeMax,
    rssPeakMb: mb(rssPeak - rssBefore),
    heapPeakMb: mb(heapPeak - heapBefore),
    rssBeforeMb: mb(rssBefore),
  };
}

/** The median run by time, so one slow run on a shared machine does not make the figure. */
function median(figures: ExportFigure[]): ExportFigure {
  const sorted = [...figures].sort((a, b) => a.ms - b.ms);
  const middle = sorted[Math.floor(sorted.length / 2)]!;
  return {
    ...middle,
    stallMs: Math.max(...figures.map((f) => f.stallMs)),
    probeMaxMs: Math.max(...figures.map((f) => f.probeMaxMs)),
    rssPeakMb: Math.max(...figures.map((f) => f.rssPeakMb)),
  };
}

async function measurePracticeCsv(dialect: Dialect, size: number): Promise<ExportFigure> {
  const { database, destroy } = await openScaleDatabase(dialect);
  try {
    const { app, counsellor } = await openDashboardApp(database);
    try {
      const scale = await seedScaleData(database, counsellor.userId, largePracticeScale(size));
      const url = `/api/practices/${scale.largePracticeId}/export.csv`;
      await app.listen({ port: 0, host: "127.0.0.1" });
      await watched(app, counsellor.cookie, url); // warm-up
      const figures: ExportFigure[] = [];
      for (let run = 0; run < runs; run += 1) figures.push(await watched(app, counsellor.cookie, url));
      return median(figures);
    } finally {
      await app.close();
    }
  } finally {
    await destroy();
  }
}

async function measurePersonExport(dialect: Dialect, rows: number): Promise<ExportFigure> {
  const { database, destroy } = await openScaleDatabase(dialect);
  try {
    const { app, counsellor } = await openDashboardApp(database);
    try {
      // The person is viewed `rows` times over a year by partners and counsellors, in rows of one to three sittings.
      const now = Date.now();
      for (let start = 0; start < rows; start += 2000) {
        const batch = Array.from({ length: Math.min(2000, rows - start) }, (_, offset) => {
          const index = start + offset;
          const viewedAt = now - 60_000 - index * 1000;
          const sittings = 1 + (index % 3);
          const times = Array.from({ length: sittings }, (_, s) => viewedAt - (sittings - 1 - s) * 1000);
          return {
            id: randomUUID(),
            owner_id: counsellor.userId,
            viewer_id: null,
            viewer_name: `Viewer ${index % 50}`,
            viewer_role: index % 2 === 0 ? ("partner" as const) : ("counsellor" as const),
            scope: index % 2 === 0 ? ("overview" as const) : ("profile" as const),
            viewed_at: viewedAt,
            sittings,
            first_viewed_at: times[0]!,
            sitting_times: times.join(","),
          };
        });
        await database.db.insertInto("data_view").values(batch).execute();
      }
      // Fresh statistics, as autovacuum would gather after a load this size (and seedScaleData does
      // after its own): without them PostgreSQL took the person's rows for a handful, sorted every
      // row past the cursor for each page of 1,000, and the export grew with the square of its rows
      // (decision 092).
      await sql`analyze data_view`.execute(database.db);
      // The warm-up, in process, checks that every view is carried.
      const whole = await app.inject({ method: "GET", url: "/api/export", headers: { cookie: counsellor.cookie } });
      const views = (JSON.parse(whole.body) as { dataViews: unknown[] }).dataViews.length;
      if (views !== rows) throw new Error(`the export carried ${views} of ${rows} data views`);
      await app.listen({ port: 0, host: "127.0.0.1" });
      const figures: ExportFigure[] = [];
      for (let run = 0; run < runs; run += 1) figures.push(await watched(app, counsellor.cookie, "/api/export"));
      return median(figures);
    } finally {
      await app.close();
    }
  } finally {
    await destroy();
  }
}

const row = (label: string, figure: ExportFigure) =>
  `| ${label} | ${fmt(figure.ms, 0)} | ${fmt(figure.stallMs, 1)} | ${fmt(figure.probeMaxMs, 0)} | ${fmt(figure.rssPeakMb, 0)} | ${fmt(figure.heapPeakMb, 0)} | ${fmt(figure.bytes / 1024 / 1024, 1)} MB |`;

/** The report section, as markdown lines. */
export async function runExportsBench(): Promise<string[]> {
  const lines = [
    "## Exports against size",
    "",
    `Median of ${runs} runs after a warm-up, over a local socket (the answer read and dropped as it arrives). "stall": the longest event-loop delay while the export ran (max over the runs); "probe": the slowest GET /api/me due every 10 ms meanwhile, counted from when it was due; "RSS +" and "heap +": peak RSS and V8 heap in use over their values before the request (sampled every 5 ms; max over the runs).`,
    "",
  ];
  for (const dialect of dialects) {
    lines.push(
      `### ${dialect === "sqlite" ? "SQLite" : "PostgreSQL"}`,
      "",
      "| export | ms | stall ms | probe ms | RSS + MB | heap + MB | answer |",
      "| --- | ---: | ---: | ---: | ---: | ---: | ---: |",
    );
    for (const size of sizes) {
      const figure = await measurePracticeCsv(dialect, size);
      process.stderr.write(`${dialect} practice CSV ${size}: ${JSON.stringify(figure)}\n`);
      lines.push(row(`practice CSV, ${size.toLocaleString("en")} clients`, figure));
    }
    for (const count of auditRows) {
      const figure = await measurePersonExport(dialect, count);
      process.stderr.write(`${dialect} person export ${count}: ${JSON.stringify(figure)}\n`);
      lines.push(row(`person's export, ${count.toLocaleString("en")} data views`, figure));
    }
    lines.push("");
  }
  return lines;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  for (const line of await runExportsBench()) process.stdout.write(`${line}\n`);
  process.exit(0);
}
