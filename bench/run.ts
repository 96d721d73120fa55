// npm run bench: figures for the running product, each against a baseline measured in the
// same run on the same machine. Prints a markdown report and writes it to bench/results/.
// Targets: /api/me ≥ 35% of bare Fastify's req/s, p99 ≤ 10 ms at half its own maximum
// rate; npm start (built) to first 200 on /livez ≤ 3 s; idle RSS ≤ 120 MB (issue 2).
// Check-in submit ≥ 70% of the raw SQLite synchronous=FULL commit rate; profile read ≥ 35%
// of bare Fastify; each p99 ≤ 10 ms at half its maximum rate (issue 4). Counsellor dashboard at
// 5,000 clients: p95 ≤ 50 ms on SQLite and PostgreSQL (issue 6; `npm run bench:dashboard` alone).
// Peak RSS ≤ 150 MB during bursts of sign-ins (issue 21; `npm run bench:sign-in` alone).
// Lighthouse mobile performance ≥ 95 and accessibility 100 per page, first-load JS (issue 7; `npm run bench:lighthouse` alone).
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { runModelBench } from "./model.js";
import { measurePartnerJourney, measureRawCommitRate } from "./partner-journey.js";
import { measureCoupleReport } from "./couple.js";
import { runDashboardBench } from "./dashboard.js";
import { runLighthouseBench } from "./lighthouse.js";
import { runSignInBurstBench } from "./sign-in-burst.js";
import { signUpByOutbox } from "../scripts/support/sign-up-by-outbox.js";
import { descendantPids, fmt, load, paced, rssMegabytes, startProcess, stopProcess, waitForOk } from "./support.js";

const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const connections = 20;
const lines: string[] = [];
const say = (line = "") => {
  lines.push(line);
  process.stdout.write(`${line}\n`);
};

function verdict(ok: boolean): string {
  return ok ? "✅ meets target" : "❌ misses target";
}

async function measureStartup(runs: number): Promise<number[]> {
  const times: number[] = [];
  for (let run = 0; run < runs; run += 1) {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "mutual-bench-start-"));
    const port = 3400 + run;
    const startedAt = performance.now();
    const child = startProcess("npm", ["start", "--silent"], { PORT: String(port), DATA_DIR: dataDir, LOG_LEVEL: "warn" });
    times.push(await waitForOk(`http://localhost:${port}/livez`, startedAt));
    const pids = descendantPids(child.pid ?? 0);
    for (const pid of pids.reverse()) {
      try {
        process.kill(pid, "SIGTERM");
      } catch {
        // Already gone.
      }
    }
    await stopProcess(child);
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
  return times;
}

async function main(): Promise<void> {
  process.stdout.write("Building…\n");
  if (spawnSync("npm", ["run", "--silent", "build"], { stdio: "ignore" }).status !== 0) throw new Error("build failed");

  say(`# Mutual benchmark · ${new Date().toISOString()}`);
  say();
  say(
    `Machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? "cpu"}, ${fmt(os.totalmem() / 2 ** 30, 0)} GiB, Node ${process.version}. Load: autocannon, ${connections} connections, ${seconds} s per run, on the same machine; the half-rate runs are evenly paced and open-loop (each request sent when due and timed from then, bench/support.ts), not autocannon's overallRate, which sends in bursts.`,
  );
  say();

  // Start-up: `npm start` on an already-built tree and a fresh data folder (migrations included).
  const startTimes = await measureStartup(3);
  const startMedian = [...startTimes].sort((a, b) => a - b)[1] ?? 0;

  // Mutual first (it creates the database and secret the like-for-like baseline reads).
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "mutual-bench-"));
  // With the flags `npm start` gives the server (server/node-flags.json), so the RSS measured is the one people get.
  const { flags } = JSON.parse(fs.readFileSync("server/node-flags.json", "utf8")) as { flags: string[] };
  // A trusted client-address header, so the extra people below can sign up from addresses of their own (sign-ups are rate limited per address).
  const server = startProcess(process.execPath, [...flags, "server/dist/main.js"], {
    PORT: "3301",
    HOST: "127.0.0.1",
    DATA_DIR: dataDir,
    CLIENT_IP_HEADER: "x-forwarded-for",
  });
  await waitForOk("http://127.0.0.1:3301/readyz", performance.now());
  await new Promise((resolve) => setTimeout(resolve, 2000));
  const justStartedRss = rssMegabytes(server.pid ?? 0);
  // V8 gives back start-up garbage once the process has been idle a while (its memory
  // reducer runs after roughly half a minute), so "idle" is measured after 35 s of nothing.
  await new Promise((resolve) => setTimeout(resolve, 33_000));
  const idleRss = rssMegabytes(server.pid ?? 0);

  const origin = "http://localhost:3301";
  // Signed up as a person is: the sign-up, the link the server wrote to its outbox, then signing in.
  const cookie = await signUpByOutbox({
    baseUrl: "http://127.0.0.1:3301",
    dataDir,
    headers: { origin },
    details: { name: "Bench", email: "bench@example.test", password: "benchmark passphrase long enough" },
  });

  const secret = fs.readFileSync(path.join(dataDir, "auth-secret"), "utf8").trim();
  const baseline = startProcess(process.execPath, ["--import", "tsx", "bench/baseline-server.ts", "3300", path.join(dataDir, "mutual.sqlite"), secret], {});
  await waitForOk("http://127.0.0.1:3300/livez", performance.now());

  const baseLive = await load("http://127.0.0.1:3300/livez", { seconds, connections });
  const baseMe = await load("http://127.0.0.1:3300/api/me", { seconds, connections, headers: { cookie } });
  const appLive = await load("http://127.0.0.1:3301/livez", { seconds, connections });
  const appMe = await load("http://127.0.0.1:3301/api/me", { seconds, connections, headers: { cookie } });
  const halfRate = Math.max(1, Math.floor(appMe.requestsPerSecond / 2));
  const appMeHalf = await paced("http://127.0.0.1:3301/api/me", { seconds, headers: { cookie }, rate: halfRate });
  // Check-ins come from many people, each with its own session, as in a deployment.
  const others = [];
  for (let person = 0; person < 8; person += 1) {
    const details = { name: `Bench ${person}`, email: `bench-${person}@example.test`, password: "benchmark passphrase long enough" };
    others.push({
      baseUrl: "http://127.0.0.1:3301",
      origin,
      cookie: await signUpByOutbox({ baseUrl: "http://127.0.0.1:3301", dataDir, headers: { origin, "x-forwarded-for": `10.0.9.${person + 1}` }, details }),
    });
  }
  const journey = await measurePartnerJourney({ baseUrl: "http://127.0.0.1:3301", origin, cookie }, seconds, connections, others);
  const couple = await measureCoupleReport({ baseUrl: "http://127.0.0.1:3301", origin, dataDir }, seconds, connections);
  const loadedRss = rssMegabytes(server.pid ?? 0);
  await stopProcess(server);
  await stopProcess(baseline);
  fs.rmSync(dataDir, { recursive: true, force: true });
  if (baseMe.non2xx > 0 || appMe.non2xx > 0) throw new Error("an authenticated run answered non-2xx: the cookie was not accepted");
  const rawCommits = measureRawCommitRate(seconds);

  const ratioMe = appMe.requestsPerSecond / baseLive.requestsPerSecond;
  const ratioLive = appLive.requestsPerSecond / baseLive.requestsPerSecond;
  say("## HTTP (SQLite, default configuration: LOG_LEVEL=info, access lines at debug)");
  say();
  say("| run | req/s | p50 ms | p99 ms | ratio to bare Fastify | errors / non-2xx |");
  say("| --- | ---: | ---: | ---: | ---: | ---: |");
  say(
    `| bare Fastify GET /livez (baseline) | ${fmt(baseLive.requestsPerSecond)} | ${baseLive.p50} | ${baseLive.p99} | 1.00 | ${baseLive.errors} / ${baseLive.non2xx} |`,
  );
  say(
    `| bare Fastify + one SQLite lookup, GET /api/me (like-for-like baseline) | ${fmt(baseMe.requestsPerSecond)} | ${baseMe.p50} | ${baseMe.p99} | ${fmt(baseMe.requestsPerSecond / baseLive.requestsPerSecond, 2)} | ${baseMe.errors} / ${baseMe.non2xx} |`,
  );
  say(
    `| Mutual GET /livez | ${fmt(appLive.requestsPerSecond)} | ${appLive.p50} | ${appLive.p99} | ${fmt(ratioLive, 2)} | ${appLive.errors} / ${appLive.non2xx} |`,
  );
  say(
    `| Mutual GET /api/me (signed in) | ${fmt(appMe.requestsPerSecond)} | ${appMe.p50} | ${appMe.p99} | ${fmt(ratioMe, 2)} | ${appMe.errors} / ${appMe.non2xx} |`,
  );
  say(
    `| Mutual GET /api/me at ${fmt(halfRate)} req/s (half its maximum) | ${fmt(appMeHalf.requestsPerSecond)} | ${appMeHalf.p50} | ${appMeHalf.p99} | – | ${appMeHalf.errors} / ${appMeHalf.non2xx} |`,
  );
  say();
  const { checkIn, checkInHalf, profile, profileHalf } = journey;
  const ratioCheckIn = checkIn.requestsPerSecond / rawCommits;
  const ratioProfile = profile.requestsPerSecond / baseLive.requestsPerSecond;
  say("## Partner journey");
  say();
  say("| run | req/s | p50 ms | p99 ms | ratio | errors / non-2xx |");
  say("| --- | ---: | ---: | ---: | ---: | ---: |");
  say(`| raw SQLite commits, WAL + synchronous=FULL, one-row insert (baseline) | ${fmt(rawCommits)} | – | – | 1.00 | – |`);
  say(
    `| Mutual PUT /api/check-ins/current (9 people in turn, note encrypted, a fresh Idempotency-Key each, as the web client sends it) | ${fmt(checkIn.requestsPerSecond)} | ${checkIn.p50} | ${checkIn.p99} | ${fmt(ratioCheckIn, 2)} of raw commits | ${checkIn.errors} / ${checkIn.non2xx} |`,
  );
  say(
    `| the same at ${fmt(checkInHalf.requestsPerSecond)} req/s (half its maximum) | ${fmt(checkInHalf.requestsPerSecond)} | ${checkInHalf.p50} | ${checkInHalf.p99} | – | ${checkInHalf.errors} / ${checkInHalf.non2xx} |`,
  );
  say(
    `| Mutual GET /api/profile (scored from the stored answers) | ${fmt(profile.requestsPerSecond)} | ${profile.p50} | ${profile.p99} | ${fmt(ratioProfile, 2)} of bare Fastify | ${profile.errors} / ${profile.non2xx} |`,
  );
  say(
    `| the same at ${fmt(profileHalf.requestsPerSecond)} req/s (half its maximum) | ${fmt(profileHalf.requestsPerSecond)} | ${profileHalf.p50} | ${profileHalf.p99} | – | ${profileHalf.errors} / ${profileHalf.non2xx} |`,
  );
  say();
  const { report, reportHalf } = couple;
  const ratioReport = report.requestsPerSecond / baseLive.requestsPerSecond;
  say("## Couple report");
  say();
  say("Every report answer carries the partner's shared scores, so it also commits two audit rows (who viewed my data) in the read's transaction.");
  say();
  say("| run | req/s | p50 ms | p99 ms | ratio | errors / non-2xx |");
  say("| --- | ---: | ---: | ---: | ---: | ---: |");
  say(
    `| Mutual GET /api/couple/report (both partners share pattern and scores) | ${fmt(report.requestsPerSecond)} | ${report.p50} | ${report.p99} | ${fmt(ratioReport, 2)} of bare Fastify; ${fmt(report.requestsPerSecond / rawCommits, 2)} of raw commits | ${report.errors} / ${report.non2xx} |`,
  );
  say(
    `| the same at ${fmt(reportHalf.requestsPerSecond)} req/s (half its maximum) | ${fmt(reportHalf.requestsPerSecond)} | ${reportHalf.p50} | ${reportHalf.p99} | – | ${reportHalf.errors} / ${reportHalf.non2xx} |`,
  );
  say();
  say("## Targets");
  say();
  say(
    `- /api/me throughput ${fmt(ratioMe * 100, 1)}% of bare Fastify's /livez (target ≥ 35%): ${verdict(ratioMe >= 0.35)}; ${fmt((appMe.requestsPerSecond / baseMe.requestsPerSecond) * 100, 1)}% of the like-for-like baseline`,
  );
  say(`- /api/me p99 at half its maximum rate ${appMeHalf.p99} ms (target ≤ 10 ms): ${verdict(appMeHalf.p99 <= 10)}`);
  say(
    `- check-in submit ${fmt(ratioCheckIn * 100, 1)}% of the raw commit rate (target ≥ 70%): ${verdict(ratioCheckIn >= 0.7)}; p99 at half its maximum ${checkInHalf.p99} ms (target ≤ 10 ms): ${verdict(checkInHalf.p99 <= 10)}`,
  );
  say(
    `- profile read ${fmt(ratioProfile * 100, 1)}% of bare Fastify (target ≥ 35%): ${verdict(ratioProfile >= 0.35)}; p99 at half its maximum ${profileHalf.p99} ms (target ≤ 10 ms): ${verdict(profileHalf.p99 <= 10)}`,
  );
  say(
    `- npm start (built) to first 200 on /livez: median ${fmt(startMedian)} ms of ${startTimes.map((time) => fmt(time)).join(", ")} (target ≤ 3,000 ms): ${verdict(startMedian <= 3000)}`,
  );
  say(
    `- idle server RSS ${fmt(idleRss, 1)} MB after 35 s idle (target ≤ 120 MB): ${verdict(idleRss <= 120)}; ${fmt(justStartedRss, 1)} MB 2 s after start; ${fmt(loadedRss, 1)} MB after the load runs`,
  );
  say();

  // Memory during bursts of sign-ins, for each number of password hashes at once (bench/sign-in-burst.ts).
  for (const line of await runSignInBurstBench()) say(line);

  // Counsellor dashboard at 5,000 clients, on SQLite and PostgreSQL (in process; bench/dashboard.ts).
  for (const line of await runDashboardBench()) say(line);

  // Lighthouse on the built app's main pages, and the first-load JavaScript size (bench/lighthouse.ts).
  for (const line of await runLighthouseBench()) say(line);

  say("## Model (core, in process)");
  say();
  say("| metric | value | unit | note |");
  say("| --- | ---: | --- | --- |");
  for (const row of await runModelBench()) say(`| ${row.metric} | ${fmt(row.value, row.value < 100 ? 2 : 0)} | ${row.unit} | ${row.note ?? ""} |`);
  say();

  const resultsDir = path.join("bench", "results");
  fs.mkdirSync(resultsDir, { recursive: true });
  const file = path.join(resultsDir, `${new Date().toISOString().slice(0, 10)}.md`);
  fs.writeFileSync(file, `${lines.join("\n")}\n`);
  process.stdout.write(`\nWritten to ${file}\n`);
}

await main();
