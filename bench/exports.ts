// Exports against size (issue 21): the practice's scores CSV at 1,000, 20,000 and 100,000 clients
// (BENCH_EXPORT_SIZES) and the person's own data export with many "who viewed my data" rows
// (BENCH_EXPORT_AUDIT_ROWS), on SQLite and PostgreSQL (BENCH_EXPORT_DIALECTS). For each: the whole
// answer's time, the longest event-loop stall while it ran (perf_hooks.monitorEventLoopDelay: what
// any other request waited for the thread), the slowest of small requests sent every 10 ms during it
// (GET /api/me: a session read, so it also waits for a database connection the export holds), and
// the peak RSS over the RSS before. In process with app.inject. `npm run bench:exports`.
import { randomUUID } from "node:crypto";
import { monitorEventLoopDelay } from "node:perf_hooks";
import { pathToFileURL } from "node:url";
import type { FastifyInstance } from "fastify";
import type { Dialect } from "../server/src/db/database.js";
import { openDashboardApp } from "./dashboard.js";
import { openScaleDatabase, seedScaleData } from "./scale-data.js";
import { fmt } from "./support.js";

const sizes = (process.env.BENCH_EXPORT_SIZES ?? "1000,20000,100000").split(",").map(Number);
const auditRows = (process.env.BENCH_EXPORT_AUDIT_ROWS ?? "10000,200000").split(",").map(Number);
const dialects = (process.env.BENCH_EXPORT_DIALECTS ?? "sqlite,postgres").split(",") as Dialect[];
const runs = Number(process.env.BENCH_EXPORT_RUNS ?? 3);

export type ExportFigure = { ms: number; bytes: number; stallMs: number; probeMaxMs: number; rssPeakMb: number; rssBeforeMb: number };

const mb = (bytes: number) => bytes / 1024 / 1024;

/** One request, watched: its time, the longest event-loop stall, the slowest probe request meanwhile, and peak RSS. */
async function watched(app: FastifyInstance, cookie: string, url: string): Promise<ExportFigure & { body: Buffer }> {
  globalThis.gc?.();
  const rssBefore = process.memoryUsage().rss;
  let rssPeak = rssBefore;
  const delay = monitorEventLoopDelay({ resolution: 1 });
  let done = false;
  let probeMax = 0;
  // Each probe counts from when it was due: time the event loop held it back counts as waiting.
  const probes = (async () => {
    while (!done) {
      const due = performance.now() + 10;
      await new Promise((resolve) => setTimeout(resolve, 10));
      if (done) break;
      await app.inject({ method: "GET", url: "/api/me", headers: { cookie } });
      probeMax = Math.max(probeMax, performance.now() - due);
    }
  })();
  const sampler = setInterval(() => {
    rssPeak = Math.max(rssPeak, process.memoryUsage().rss);
  }, 5);
  delay.enable();
  // The histogram records from its first tick: a request that holds the thread from its start would go unseen.
  await new Promise((resolve) => setTimeout(resolve, 5));
  const started = performance.now();
  const response = await app.inject({ method: "GET", url, headers: { cookie } });
  const ms = performance.now() - started;
  // A stall at the very end is recorded when the histogram's timer next runs.
  await new Promise((resolve) => setTimeout(resolve, 20));
  delay.disable();
  done = true;
  clearInterval(sampler);
  rssPeak = Math.max(rssPeak, process.memoryUsage().rss);
  await probes;
  if (response.statusCode !== 200) throw new Error(`${url} answered ${response.statusCode}: ${response.body.slice(0, 300)}`);
  return {
    ms,
    bytes: response.rawPayload.length,
    stallMs: delay.max / 1e6,
    probeMaxMs: probeMax,
    rssPeakMb: mb(rssPeak - rssBefore),
    rssBeforeMb: mb(rssBefore),
    body: response.rawPayload,
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
      const scale = await seedScaleData(database, counsellor.userId, {
        practices: 3,
        largePracticeClients: size,
        otherPracticeClients: 10,
        assessmentsPerPerson: 1,
        checkInsPerPerson: 2,
        coupleEvery: 10,
        answers: false,
      });
      const url = `/api/practices/${scale.largePracticeId}/export.csv`;
      await watched(app, counsellor.cookie, url); // warm-up
      const figures: ExportFigure[] = [];
      for (let run = 0; run < runs; run += 1) {
        const { body: _body, ...figure } = await watched(app, counsellor.cookie, url);
        figures.push(figure);
      }
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
      await watched(app, counsellor.cookie, "/api/export"); // warm-up
      const figures: ExportFigure[] = [];
      for (let run = 0; run < runs; run += 1) {
        const { body, ...figure } = await watched(app, counsellor.cookie, "/api/export");
        const views = (JSON.parse(body.toString("utf8")) as { dataViews: unknown[] }).dataViews.length;
        if (views !== rows) throw new Error(`the export carried ${views} of ${rows} data views`);
        figures.push(figure);
      }
      return median(figures);
    } finally {
      await app.close();
    }
  } finally {
    await destroy();
  }
}

const row = (label: string, figure: ExportFigure) =>
  `| ${label} | ${fmt(figure.ms, 0)} | ${fmt(figure.stallMs, 1)} | ${fmt(figure.probeMaxMs, 0)} | ${fmt(figure.rssPeakMb, 0)} | ${fmt(figure.bytes / 1024 / 1024, 1)} MB |`;

/** The report section, as markdown lines. */
export async function runExportsBench(): Promise<string[]> {
  const lines = [
    "## Exports against size",
    "",
    `Median of ${runs} runs after a warm-up, in process (app.inject). "stall": the longest event-loop delay while the export ran (max over the runs); "probe": the slowest GET /api/me due every 10 ms meanwhile, counted from when it was due; "RSS +": peak RSS over the RSS before the request.`,
    "",
  ];
  for (const dialect of dialects) {
    lines.push(
      `### ${dialect === "sqlite" ? "SQLite" : "PostgreSQL"}`,
      "",
      "| export | ms | stall ms | probe ms | RSS + MB | answer |",
      "| --- | ---: | ---: | ---: | ---: | ---: |",
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
