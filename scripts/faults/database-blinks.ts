// (a) PostgreSQL that blinks (issue 14, decision 027): the built server behind a TCP proxy to
// PostgreSQL while people write. Its own connections are ended by pg_terminate_backend, reset by
// the proxy, refused (the database down), and stalled for ten seconds (a partition). Proves: the
// process never exits; every answer is 200 or 503 and comes within 5 s; /readyz says 503 within
// 5 s while the database is out and 200 by itself once it is back; every acknowledged write is in
// the database at the end.
import { randomBytes } from "node:crypto";
import pg from "pg";
import { withDefaultUser } from "../../server/src/db/database.js";
import type { Checks } from "../durability/checks.js";
import { createTarget } from "../durability/database-target.js";
import { request } from "../durability/http-client.js";
import { newLedger } from "../durability/ledger.js";
import { signUpPeople } from "../durability/people.js";
import { createRandom } from "../durability/random.js";
import { freePort, startServer } from "../durability/server-process.js";
import { checkDatabase } from "../durability/verify.js";
import { startTcpProxy } from "./tcp-proxy.js";
import { startWriters, summarise } from "./writers.js";

/** The bound the issue sets: an answer, 503 or not, within 5 s of asking. */
const boundMs = 5000;
const recoveryLimitMs = 15_000;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export type PhaseFigure = {
  phase: string;
  byStatus: Record<string, number>;
  slowestMs: number;
  readyz?: { status: number | string; ms: number };
  recoveredMs?: number;
};

export async function proveDatabaseBlinks(checks: Checks, postgresUrl: string, log: (line: string) => void): Promise<PhaseFigure[]> {
  const target = await createTarget("postgres", postgresUrl);
  const upstream = new URL(postgresUrl);
  const proxy = await startTcpProxy({ host: upstream.hostname || "localhost", port: Number(upstream.port || 5432) });
  const tag = `mutual-faults-${randomBytes(4).toString("hex")}`;
  const viaProxy = new URL(target.serverEnv.DATABASE_URL ?? "");
  viaProxy.hostname = "127.0.0.1";
  viaProxy.port = String(proxy.port);
  viaProxy.searchParams.set("application_name", tag);
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const admin = new pg.Client({ connectionString: withDefaultUser(postgresUrl) });
  await admin.connect();
  const figures: PhaseFigure[] = [];
  const server = await startServer(baseUrl, {
    ...target.serverEnv,
    DATABASE_URL: viaProxy.toString(),
    NODE_ENV: "production",
    HOST: "127.0.0.1",
    PORT: String(port),
    PUBLIC_URL: baseUrl,
    CLIENT_IP_HEADER: "x-forwarded-for",
    LOG_LEVEL: "warn",
  });
  try {
    const people = await signUpPeople(baseUrl, target.serverEnv.DATA_DIR ?? "", 4, tag);
    const ledgers = people.map(newLedger);
    const writers = startWriters({ baseUrl, ledgers, randoms: people.map((person) => createRandom(tag, `writer-${person.index}`)), checks });
    const readyz = async () => {
      const started = performance.now();
      try {
        const response = await request(baseUrl, "GET", "/readyz");
        return { status: response.status, ms: Math.round(performance.now() - started) };
      } catch (error) {
        return { status: `no answer (${error instanceof Error ? error.message : String(error)})`, ms: Math.round(performance.now() - started) };
      }
    };
    const recover = async (phase: string): Promise<number> => {
      const started = performance.now();
      for (;;) {
        const state = await readyz();
        if (state.status === 200) return Math.round(performance.now() - started);
        if (performance.now() - started > recoveryLimitMs) {
          checks.that(false, `${phase}: /readyz is not 200 within ${recoveryLimitMs} ms of the database coming back (last: ${state.status})`);
          return Math.round(performance.now() - started);
        }
        await sleep(200);
      }
    };
    const phase = async (
      name: string,
      durationMs: number,
      fault: () => Promise<void> | void,
      heal?: () => Promise<void> | void,
      duringFault?: () => Promise<PhaseFigure["readyz"]>,
    ) => {
      const from = Date.now();
      await fault();
      const state = duringFault ? await duringFault() : undefined;
      await sleep(durationMs);
      await heal?.();
      const recoveredMs = heal ? await recover(name) : undefined;
      await sleep(1000);
      const summary = summarise(writers.answers, from, Date.now());
      figures.push({
        phase: name,
        byStatus: summary.byStatus,
        slowestMs: summary.slowestMs,
        ...(state ? { readyz: state } : {}),
        ...(recoveredMs === undefined ? {} : { recoveredMs }),
      });
      log(
        `  ${name}: ${JSON.stringify(summary.byStatus)}, slowest ${summary.slowestMs} ms${state ? `, /readyz ${state.status} in ${state.ms} ms` : ""}${recoveredMs === undefined ? "" : `, ready again ${recoveredMs} ms after`}`,
      );
      checks.that(server.isRunning(), `${name}: the server process is still running`);
    };

    await phase("steady", 1500, () => undefined);
    await phase("pg_terminate_backend on the server's connections", 2000, async () => {
      const { rowCount } = await admin.query("select pg_terminate_backend(pid) from pg_stat_activity where application_name = $1", [tag]);
      checks.that((rowCount ?? 0) > 0, "the server had connections to end");
    });
    await phase("every connection reset", 2000, () => proxy.resetAll());
    await phase(
      "database down (connections refused) for 4 s",
      4000,
      async () => {
        await proxy.setMode("refuse");
        proxy.resetAll();
      },
      () => proxy.setMode("pass"),
      readyz,
    );
    await phase(
      "network partition (nothing arrives) for 10 s",
      10_000,
      () => proxy.setMode("stall"),
      () => proxy.setMode("pass"),
      readyz,
    );
    await phase("steady after", 1500, () => undefined);
    await writers.stop(recoveryLimitMs);

    const all = summarise(writers.answers);
    const statuses = new Set(writers.answers.map((answer) => answer.status));
    checks.that(
      [...statuses].every((status) => status === 200 || status === 503),
      `every answer is 200 or 503 (got ${JSON.stringify(all.byStatus)})`,
    );
    checks.that(
      writers.answers.filter((answer) => answer.status === 503).every((answer) => answer.code === "DATABASE_UNAVAILABLE" || answer.code === "DATABASE_BUSY"),
      "every 503 says the database is unavailable or busy",
    );
    checks.that(all.slowestMs <= boundMs, `every answer within ${boundMs} ms (slowest ${all.slowestMs} ms)`);
    for (const figure of figures)
      if (figure.readyz)
        checks.that(
          figure.readyz.status === 503 && figure.readyz.ms <= boundMs,
          `${figure.phase}: /readyz answers 503 within ${boundMs} ms (got ${figure.readyz.status} in ${figure.readyz.ms} ms)`,
        );
    checks.that(server.stderrTail().includes("Unhandled") === false, "no unhandled error was printed");
    checks.that(
      ledgers.every((ledger) => ledger.pending === undefined),
      "every write was acknowledged in the end",
    );
    checks.that(checks.counts.acknowledgedWrites > 0, `writes were acknowledged (${checks.counts.acknowledgedWrites})`);
    const inspector = await target.openInspector();
    try {
      await checkDatabase(inspector, ledgers, checks);
    } finally {
      await inspector.close();
    }
    log(`  ${checks.counts.acknowledgedWrites} writes acknowledged, all in the database; ${writers.answers.length} answers in all`);
  } finally {
    await server.stop();
    await proxy.close();
    await admin.end();
    await target.destroy();
  }
  return figures;
}
