// Cost against practice size (issue 21): the counsellor's list endpoints, the dashboard's pages
// and the practice CSV at 1,000, 5,000, 20,000 and 100,000 clients (BENCH_LIST_SIZES to change), on
// SQLite and PostgreSQL, printed as one table per database so growth shows as a slope: a page should
// cost the same at every size. Data as in the dashboard bench (bench/scale-data.ts), lighter per
// person (one profile without its item answers, two check-ins) so the largest size seeds in about a
// minute (bulk multi-row inserts straight into the tables); the pages read are the same.
// Measured in process with app.inject, sequential requests after a warm-up. `npm run bench:lists`.
import { randomUUID } from "node:crypto";
import { monitorEventLoopDelay } from "node:perf_hooks";
import { pathToFileURL } from "node:url";
import type { FastifyInstance } from "fastify";
import { formatPageCursor } from "@mutual/core";
import { sql, type RawBuilder } from "kysely";
import { refreshClientSummariesOfPerson } from "../server/src/modules/client-summary/index.js";
import type { Database, Dialect } from "../server/src/db/database.js";
import { measureBareInjectP50, openDashboardApp, percentile } from "./dashboard.js";
import { openScaleDatabase, largePracticeScale, seedScaleData } from "./scale-data.js";
import { fmt } from "./support.js";

const sizes = (process.env.BENCH_LIST_SIZES ?? "1000,5000,20000,100000").split(",").map(Number);
const samples = Number(process.env.BENCH_LIST_SAMPLES ?? 40);
const dialects = (process.env.BENCH_LIST_DIALECTS ?? "sqlite,postgres").split(",") as Dialect[];
const defaultWarmUp = 5;
/** Only the endpoints whose label contains one of these (comma-separated), e.g. "dashboard" to leave out the CSV. */
const only = process.env.BENCH_LIST_ONLY?.split(",");

type Endpoint = { label: string; url: (practiceId: string, middleCursor: string) => string; samples?: number; warmUp?: number };

const endpoints: Endpoint[] = [
  { label: "GET …/clients, first page (50)", url: (practiceId) => `/api/practices/${practiceId}/clients` },
  {
    label: "GET …/clients, a page from the middle (50)",
    url: (practiceId, cursor) => `/api/practices/${practiceId}/clients?cursor=${encodeURIComponent(cursor)}`,
  },
  { label: "GET …/client-invites, first page (50)", url: (practiceId) => `/api/practices/${practiceId}/client-invites` },
  { label: "GET …/dashboard, first page (25)", url: (practiceId) => `/api/practices/${practiceId}/dashboard` },
  { label: "GET …/dashboard, sorted by We (desc)", url: (practiceId) => `/api/practices/${practiceId}/dashboard?sort=we&order=desc` },
  { label: "GET …/dashboard, flag = low-intimacy", url: (practiceId) => `/api/practices/${practiceId}/dashboard?flag=low-intimacy` },
  { label: "GET …/dashboard, overdue", url: (practiceId) => `/api/practices/${practiceId}/dashboard?overdue=true` },
  { label: "GET …/dashboard, off track, by We (desc)", url: (practiceId) => `/api/practices/${practiceId}/dashboard?offTrack=true&sort=we&order=desc` },
  { label: "GET …/dashboard, off track, by We (asc)", url: (practiceId) => `/api/practices/${practiceId}/dashboard?offTrack=true&sort=we` },
  {
    label: "GET …/dashboard, off track, by last check-in (desc)",
    url: (practiceId) => `/api/practices/${practiceId}/dashboard?offTrack=true&sort=lastCheckIn&order=desc`,
  },
  { label: "GET …/dashboard, off track (by name)", url: (practiceId) => `/api/practices/${practiceId}/dashboard?offTrack=true` },
  { label: "GET …/dashboard, sorted by off track (desc)", url: (practiceId) => `/api/practices/${practiceId}/dashboard?sort=offTrack&order=desc` },
  { label: "GET …/export.csv, the whole practice", url: (practiceId) => `/api/practices/${practiceId}/export.csv`, samples: 3, warmUp: 1 },
];

/**
 * Read after all but ten clients checked in today (decision 096): "overdue" then matches ten in the
 * whole practice, which the order indexes do not hold apart, and "not overdue" nearly everyone.
 */
const fewOverdueEndpoints: Endpoint[] = [
  { label: "GET …/dashboard, overdue when ten are (by name)", url: (practiceId) => `/api/practices/${practiceId}/dashboard?overdue=true` },
  {
    label: "GET …/dashboard, overdue when ten are, by We (desc)",
    url: (practiceId) => `/api/practices/${practiceId}/dashboard?overdue=true&sort=we&order=desc`,
  },
  { label: "GET …/dashboard, not overdue when ten are (by name)", url: (practiceId) => `/api/practices/${practiceId}/dashboard?overdue=false` },
];

if (only)
  fewOverdueEndpoints.splice(0, fewOverdueEndpoints.length, ...fewOverdueEndpoints.filter((endpoint) => only.some((part) => endpoint.label.includes(part))));
if (only) endpoints.splice(0, endpoints.length, ...endpoints.filter((endpoint) => only.some((part) => endpoint.label.includes(part))));

const seedSeconds: string[] = [];

type Figure = { size: number; label: string; p50: number; p95: number; bytes: number; stallMs: number };

/**
 * Times a request; `stallMs` is the longest the event loop was held during the timed ones (what
 * every other request on the server would have waited), from Node's event-loop delay histogram.
 */
async function time(
  app: FastifyInstance,
  cookie: string,
  url: string,
  count: number,
  warmUp = defaultWarmUp,
): Promise<{ p50: number; p95: number; bytes: number; stallMs: number }> {
  const times: number[] = [];
  let bytes = 0;
  const delay = monitorEventLoopDelay({ resolution: 1 });
  for (let run = 0; run < warmUp + count; run += 1) {
    if (run === warmUp) {
      delay.enable();
      // The histogram records from its first tick: a request that holds the thread from its start would go unseen.
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    const started = performance.now();
    const response = await app.inject({ method: "GET", url, headers: { cookie } });
    const elapsed = performance.now() - started;
    if (response.statusCode !== 200) throw new Error(`${url} answered ${response.statusCode}: ${response.body.slice(0, 300)}`);
    bytes = response.rawPayload.length;
    if (run >= warmUp) times.push(elapsed);
  }
  delay.disable();
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 50), p95: percentile(times, 95), bytes, stallMs: delay.max / 1e6 };
}

async function measureSize(dialect: Dialect, size: number): Promise<Figure[]> {
  const { database, destroy } = await openScaleDatabase(dialect);
  try {
    const { app, counsellor } = await openDashboardApp(database);
    try {
      const scale = await seedScaleData(database, counsellor.userId, largePracticeScale(size));
      seedSeconds.push(`${fmt(scale.seconds, 0)} s at ${size.toLocaleString("en")}`);
      const practiceId = scale.largePracticeId;
      // As many open invites as clients, so the invites list is as long as the clients list.
      const now = Date.now();
      for (let start = 0; start < size; start += 2000) {
        const rows = Array.from({ length: Math.min(2000, size - start) }, (_, index) => ({
          id: randomUUID(),
          practice_id: practiceId,
          counsellor_id: counsellor.userId,
          kind: "individual" as const,
          code_hash: randomUUID(),
          created_at: now - (start + index) * 1000,
          expires_at: now + 86_400_000,
          status: "pending" as const,
          client_id: null,
          closed_at: null,
        }));
        await database.db.insertInto("client_invite").values(rows).execute();
      }
      const middle = await database.db
        .selectFrom("practice_client")
        .select(["id", "created_at"])
        .where("practice_id", "=", practiceId)
        .where("counsellor_id", "=", counsellor.userId)
        .orderBy("created_at")
        .orderBy("id")
        .offset(Math.floor(size / 2))
        .limit(1)
        .executeTakeFirstOrThrow();
      const middleCursor = formatPageCursor({ at: Number(middle.created_at), id: middle.id });
      // The dashboard's first read builds the summary rows once (decision 018): not timed here.
      await app.inject({ method: "GET", url: `/api/practices/${practiceId}/dashboard`, headers: { cookie: counsellor.cookie } });
      const figures: Figure[] = [];
      for (const endpoint of endpoints) {
        figures.push({
          size,
          label: endpoint.label,
          ...(await time(app, counsellor.cookie, endpoint.url(practiceId, middleCursor), endpoint.samples ?? samples, endpoint.warmUp)),
        });
      }
      if (process.env.BENCH_LIST_EXPLAIN === "1") await explainDashboard(database, dialect, practiceId, counsellor.userId, size);
      if (fewOverdueEndpoints.length > 0) {
        await leaveTenOverdue(database, practiceId);
        for (const endpoint of fewOverdueEndpoints)
          figures.push({ size, label: endpoint.label, ...(await time(app, counsellor.cookie, endpoint.url(practiceId, middleCursor), samples)) });
      }
      return figures;
    } finally {
      await app.close();
    }
  } finally {
    await destroy();
  }
}

/** Every client of the practice checked in just now but the ten first by id, who never did. */
async function leaveTenOverdue(database: Database, practiceId: string): Promise<void> {
  await database.db.updateTable("client_summary").set({ oldest_check_in_at: Date.now() }).where("practice_id", "=", practiceId).execute();
  const ten = await database.db.selectFrom("client_summary").select("client_id").where("practice_id", "=", practiceId).orderBy("client_id").limit(10).execute();
  await database.db
    .updateTable("client_summary")
    .set({ oldest_check_in_at: 0 })
    .where(
      "client_id",
      "in",
      ten.map((row) => row.client_id),
    )
    .execute();
  if (database.dialect === "postgres") await sql`analyze client_summary`.execute(database.db);
}

/**
 * The plans of the dashboard's page and count queries on the seeded data (BENCH_LIST_EXPLAIN=1), to
 * stderr: PostgreSQL `EXPLAIN ANALYZE`, SQLite `EXPLAIN QUERY PLAN`. A query a code base does not
 * have (the kept count before decision 090) prints its error instead.
 */
async function explainDashboard(database: Database, dialect: Dialect, practiceId: string, counsellorId: string, size: number): Promise<void> {
  // What a write pays: one client member's summary rows refreshed (what a check-in or a profile of
  // theirs does after its own write), each in its own transaction; the median of 21.
  const member = await database.db
    .selectFrom("practice_client_member")
    .select("user_id")
    .where("practice_id", "=", practiceId)
    .limit(1)
    .offset(size / 2)
    .executeTakeFirst();
  if (member !== undefined) {
    const writes: number[] = [];
    for (let run = 0; run < 21; run += 1) {
      const started = performance.now();
      await database.db.transaction().execute((trx) => refreshClientSummariesOfPerson(trx, member.user_id));
      writes.push(performance.now() - started);
    }
    writes.sort((a, b) => a - b);
    process.stderr.write(`TIMED ${dialect} ${size}: one member's refresh (a write): median ${fmt(writes[10]!, 2)} ms\n`);
  }
  const scope = sql`s.practice_id = ${practiceId} and s.counsellor_id = ${counsellorId}`;
  const queries: Array<[string, RawBuilder<unknown>]> = [
    [
      "off track, by We (desc)",
      sql`select s.client_id from client_summary s where ${scope} and s.off_track = 1 and s.we is not null order by s.we desc, s.name_key, s.client_id limit 25`,
    ],
    [
      "off track, by We (asc)",
      sql`select s.client_id from client_summary s where ${scope} and s.off_track = 1 and s.we is not null order by s.we asc, s.name_key, s.client_id limit 25`,
    ],
    ["count, every client (computed)", sql`select count(*) from client_summary s where ${scope}`],
    ["count, off track (computed)", sql`select count(*) from client_summary s where ${scope} and s.off_track = 1`],
    ["count, kept", sql`select clients, off_track from client_summary_count s where ${scope}`],
    ["count, flag = low-intimacy, capped", sql`select count(*) from (select 1 from client_summary s where ${scope} and (s.flag_bits & 4) <> 0 limit 1001) t`],
  ];
  for (const [label, query] of queries) {
    const explain = dialect === "postgres" ? sql`explain (analyze, costs off) ${query}` : sql`explain query plan ${query}`;
    try {
      const result = await explain.execute(database.db);
      const plan = (result.rows as Array<Record<string, unknown>>).map((row) => String(row["QUERY PLAN"] ?? row.detail)).join("\n    ");
      process.stderr.write(`EXPLAIN ${dialect} ${size}: ${label}\n    ${plan}\n`);
      // The query alone, timed directly: the median of 21 runs.
      const times: number[] = [];
      for (let run = 0; run < 21; run += 1) {
        const started = performance.now();
        await query.execute(database.db);
        times.push(performance.now() - started);
      }
      times.sort((a, b) => a - b);
      process.stderr.write(`TIMED ${dialect} ${size}: ${label}: median ${fmt(times[10]!, 2)} ms\n`);
    } catch (error) {
      process.stderr.write(`EXPLAIN ${dialect} ${size}: ${label}: ${(error as Error).message}\n`);
    }
  }
}

/** The report section, as markdown lines. */
export async function runListsBench(): Promise<string[]> {
  const bareP50 = await measureBareInjectP50();
  const lines = [
    "## Cost against practice size",
    "",
    `Each cell: p50 / p95 ms over ${samples} sequential requests (3 for the CSV) after ${defaultWarmUp} warm-up ones (1 for the CSV), in process (app.inject). "growth" is p50 at the largest size over p50 at the smallest (1: the cost does not grow with the practice); "slope" is the p50's rise per 1,000 more clients, from the smallest size to the largest.`,
    "",
    `Baseline in the same run: bare Fastify answering GET /livez through app.inject, p50 ${fmt(bareP50 * 1000, 0)} µs; "× bare" is the first page's p50 at the largest size over it.`,
    "",
  ];
  for (const dialect of dialects) {
    const figures: Figure[] = [];
    for (const size of sizes) {
      const measured = await measureSize(dialect, size);
      // Each size as it is measured, so a long run shows its figures before it ends.
      for (const figure of measured)
        process.stderr.write(`${dialect} ${size}: ${figure.label} p50 ${fmt(figure.p50, 1)} p95 ${fmt(figure.p95, 1)} stall ${fmt(figure.stallMs, 1)}\n`);
      figures.push(...measured);
    }
    lines.push(`### ${dialect === "sqlite" ? "SQLite" : "PostgreSQL"}`, "");
    lines.push(
      `| endpoint | ${sizes.map((size) => `${size.toLocaleString("en")} clients`).join(" | ")} | answer at ${sizes.at(-1)!.toLocaleString("en")} | growth | slope, ms per 1,000 | × bare |`,
    );
    lines.push(`| --- | ${sizes.map(() => "---:").join(" | ")} | ---: | ---: | ---: | ---: |`);
    for (const endpoint of [...endpoints, ...fewOverdueEndpoints]) {
      const row = figures.filter((figure) => figure.label === endpoint.label);
      const first = row[0]!;
      const last = row.at(-1)!;
      lines.push(
        `| ${endpoint.label} | ${row.map((figure) => `${fmt(figure.p50, 1)} / ${fmt(figure.p95, 1)}`).join(" | ")} | ${fmt(last.bytes / 1024, 0)} KB | ×${fmt(last.p50 / first.p50, 2)} | ${fmt(((last.p50 - first.p50) / Math.max(1, last.size - first.size)) * 1000, 3)} | ×${fmt(last.p50 / bareP50, 0)} |`,
      );
    }
    const csv = figures.filter((figure) => figure.label.includes("export.csv"));
    lines.push(
      "",
      csv.length === 0
        ? "The CSV was not measured in this run."
        : `Longest event-loop stall while the CSV was written: ${csv.map((figure) => `${fmt(figure.stallMs, 1)} ms at ${figure.size.toLocaleString("en")}`).join(", ")}.`,
      `Seeding (bulk inserts): ${seedSeconds.splice(0).join(", ")}.`,
      "",
    );
  }
  return lines;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  for (const line of await runListsBench()) process.stdout.write(`${line}\n`);
  process.exit(0);
}
