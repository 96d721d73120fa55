// Where an export's time goes, query by query (issue 21): every statement the pool sends is timed
// by its SQL text (round trip included) during one practice CSV and one person's export. Not a
// figure for the results table; a tool to find the cause. `tsx --conditions=source bench/profile-exports.ts`.
import { randomUUID } from "node:crypto";
import { sql } from "kysely";
import pg from "pg";
import type { Dialect } from "../server/src/db/database.js";
import { openDashboardApp } from "./dashboard.js";
import { openScaleDatabase, largePracticeScale, seedScaleData } from "./scale-data.js";

const dialect = (process.env.BENCH_PROFILE_DIALECT ?? "postgres") as Dialect;
const size = Number(process.env.BENCH_PROFILE_SIZE ?? 20000);
const views = Number(process.env.BENCH_PROFILE_VIEWS ?? 50000);

const timings = new Map<string, { count: number; ms: number; maxMs: number }>();
let recording = false;
const original = pg.Client.prototype.query as (...args: unknown[]) => unknown;
(pg.Client.prototype as unknown as { query: unknown }).query = function (this: unknown, ...args: unknown[]) {
  const text = typeof args[0] === "string" ? args[0] : ((args[0] as { text?: string })?.text ?? "?");
  const started = performance.now();
  const result = original.apply(this, args);
  if (recording && result && typeof (result as Promise<unknown>).then === "function") {
    void (result as Promise<unknown>).then(
      () => {
        const ms = performance.now() - started;
        const key = text.replace(/\$\d+(, \$\d+)+/g, "$n…").slice(0, 220);
        const entry = timings.get(key) ?? { count: 0, ms: 0, maxMs: 0 };
        entry.count += 1;
        entry.ms += ms;
        entry.maxMs = Math.max(entry.maxMs, ms);
        timings.set(key, entry);
      },
      () => undefined,
    );
  }
  return result;
};

function report(label: string, totalMs: number) {
  process.stdout.write(`\n## ${label}: ${totalMs.toFixed(0)} ms\n`);
  const sorted = [...timings].sort((a, b) => b[1].ms - a[1].ms).slice(0, 15);
  for (const [text, t] of sorted)
    process.stdout.write(`${t.ms.toFixed(0).padStart(7)} ms ${String(t.count).padStart(6)}× max ${t.maxMs.toFixed(1).padStart(6)}  ${text}\n`);
  timings.clear();
}

const { database, postgres, destroy } = await openScaleDatabase(dialect);
const keep = process.env.BENCH_PROFILE_KEEP === "1";
try {
  const { app, counsellor } = await openDashboardApp(database);
  try {
    const scale = await seedScaleData(database, counsellor.userId, largePracticeScale(size));
    const url = `/api/practices/${scale.largePracticeId}/export.csv`;
    await app.inject({ method: "GET", url, headers: { cookie: counsellor.cookie } });
    recording = true;
    let started = performance.now();
    const csv = await app.inject({ method: "GET", url, headers: { cookie: counsellor.cookie } });
    report(`practice CSV at ${size} (${csv.statusCode}, ${csv.body.length} chars)`, performance.now() - started);
    recording = false;
    const now = Date.now();
    for (let start = 0; start < views; start += 2000) {
      const batch = Array.from({ length: Math.min(2000, views - start) }, (_, offset) => {
        const index = start + offset;
        const viewedAt = now - 60_000 - index * 1000;
        return {
          id: randomUUID(),
          owner_id: counsellor.userId,
          viewer_id: null,
          viewer_name: `Viewer ${index % 50}`,
          viewer_role: "partner" as const,
          scope: "overview" as const,
          viewed_at: viewedAt,
          sittings: 1,
          first_viewed_at: viewedAt,
          sitting_times: String(viewedAt),
        };
      });
      await database.db.insertInto("data_view").values(batch).execute();
    }
    // BENCH_PROFILE_ANALYZE=0 leaves the views without statistics, as bench:exports did before decision 092.
    if (process.env.BENCH_PROFILE_ANALYZE !== "0") await sql`analyze data_view`.execute(database.db);
    await app.inject({ method: "GET", url: "/api/export", headers: { cookie: counsellor.cookie } });
    recording = true;
    started = performance.now();
    const own = await app.inject({ method: "GET", url: "/api/export", headers: { cookie: counsellor.cookie } });
    report(`person's export with ${views} views (${own.statusCode}, ${own.body.length} chars)`, performance.now() - started);
  } finally {
    await app.close();
  }
} finally {
  if (keep && postgres) process.stdout.write(`kept schema ${postgres.schema}\n`);
  else await destroy();
}
process.exit(0);
