// The couple report's audit rows (issue 21, decision 064): each read of the report records what it
// carried (overview and dimensions) in "who viewed my data", in the read's transaction. Measured
// in process (app.inject), sequentially, on SQLite and PostgreSQL: the report's p50 and p95, the
// audit rows it left, and the ratio to a bare Fastify app answering through inject in the same run.
// Runs against whatever server code is checked out, through the API only, so the same file
// measures the code before and after a change. `npx tsx --conditions=source bench/audit-sittings.ts`.
import { pathToFileURL } from "node:url";
import { SHARE_SCOPES } from "@mutual/core";
import type { Dialect } from "../server/src/db/database.js";
import { buildTestApp } from "../server/test/build-test-app.js";
// The test helpers' typing of vitest's provided context; the bench opens its own databases.
import type {} from "../server/test/global-setup.js";
import { linkCouple, setShares } from "../server/test/couple-helpers.js";
import { newCalmPerson, newOwner } from "../server/test/privacy/privacy-scenarios.js";
import { measureBareInjectP50, percentile } from "./dashboard.js";
import { openScaleDatabase } from "./scale-data.js";
import { fmt } from "./support.js";

const reads = Number(process.env.BENCH_AUDIT_READS ?? 1000);
const warmUp = 50;

async function measure(dialect: Dialect): Promise<{ p50: number; p95: number; rows: number }> {
  const opened = await openScaleDatabase(dialect);
  const testDatabase = { database: opened.database, url: "", reopen: () => opened.database, destroy: opened.destroy };
  const t = await buildTestApp(dialect, { testDatabase, env: { LOG_LEVEL: "warn" } });
  try {
    const owner = await newOwner(t.app);
    const partner = await newCalmPerson(t.app, "Partner");
    await linkCouple(t.app, owner, partner);
    for (const who of [owner, partner]) await setShares(t.app, who, SHARE_SCOPES);
    const times: number[] = [];
    for (let run = 0; run < warmUp + reads; run += 1) {
      const started = performance.now();
      const response = await t.app.inject({ method: "GET", url: "/api/couple/report", headers: { cookie: partner.cookie } });
      if (run >= warmUp) times.push(performance.now() - started);
      if (response.statusCode !== 200) throw new Error(`report answered ${response.statusCode}: ${response.body}`);
    }
    const counted = await t.database.db
      .selectFrom("data_view")
      .select((eb) => eb.fn.countAll<number | string>().as("rows"))
      .executeTakeFirstOrThrow();
    times.sort((a, b) => a - b);
    return { p50: percentile(times, 50), p95: percentile(times, 95), rows: Number(counted.rows) };
  } finally {
    await t.close();
    await opened.destroy().catch(() => undefined);
  }
}

export async function runAuditSittingsBench(): Promise<string[]> {
  const bareP50 = await measureBareInjectP50();
  const lines = [
    "## The couple report and its audit rows",
    "",
    `${reads} sequential GET /api/couple/report by one partner (both share every scope) after ${warmUp} warm-up reads, in process. Bare Fastify through inject in the same run: p50 ${fmt(bareP50 * 1000, 0)} µs.`,
    "",
    "| database | p50 ms | p95 ms | data_view rows after | p50 over bare |",
    "| --- | ---: | ---: | ---: | ---: |",
  ];
  for (const dialect of ["sqlite", "postgres"] as const) {
    const figure = await measure(dialect);
    lines.push(
      `| ${dialect === "sqlite" ? "SQLite" : "PostgreSQL"} | ${fmt(figure.p50, 2)} | ${fmt(figure.p95, 2)} | ${figure.rows} | ×${fmt(figure.p50 / bareP50, 0)} |`,
    );
  }
  return lines;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  for (const line of await runAuditSittingsBench()) process.stdout.write(`${line}\n`);
  process.exit(0);
}
