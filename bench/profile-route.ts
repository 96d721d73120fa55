// npm run bench:profile -- <route> [seconds]: where one route's server time goes, under the
// bench's load (20 connections). Starts the built server with --cpu-prof and the same flags
// as npm start, signs up and completes a profile as a person does, drives the route, then
// prints the functions with the most self and inclusive time. Decision 024 was measured this
// way. Run `npm run build` first; leave the machine otherwise quiet, as for `npm run bench`.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { signUpByOutbox } from "../scripts/support/sign-up-by-outbox.js";
import { summarizeCpuProfile, type CpuProfile } from "./cpu-profile.js";
import { checkInBody, completeAssessment } from "./partner-journey.js";
import { load, startProcess, stopProcess, waitForOk, type LoadResult } from "./support.js";

const routes = ["livez", "me", "check-in", "profile"] as const;
type Route = (typeof routes)[number];

function parseArguments(argv: string[]): { route: Route; seconds: number } {
  const [route, secondsText = "8"] = argv;
  const seconds = Number(secondsText);
  if (!routes.includes(route as Route) || !Number.isInteger(seconds) || seconds < 1 || seconds > 120) {
    process.stderr.write(`Usage: npm run bench:profile -- <${routes.join("|")}> [seconds, 1–120, default 8]\n`);
    process.exit(2);
  }
  return { route: route as Route, seconds };
}

const { route, seconds } = parseArguments(process.argv.slice(2));
if (!fs.existsSync("server/dist/main.js")) {
  process.stderr.write("No built server (server/dist/main.js): run `npm run build` first.\n");
  process.exit(2);
}

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "mutual-profile-"));
const profileDir = path.join(dataDir, "cpu-profile");
const { flags } = JSON.parse(fs.readFileSync("server/node-flags.json", "utf8")) as { flags: string[] };
const port = "3311";
const baseUrl = `http://127.0.0.1:${port}`;
const origin = `http://localhost:${port}`;
const server = startProcess(process.execPath, [...flags, "--cpu-prof", `--cpu-prof-dir=${profileDir}`, "server/dist/main.js"], {
  PORT: port,
  HOST: "127.0.0.1",
  DATA_DIR: dataDir,
});
let result: LoadResult;
try {
  await waitForOk(`${baseUrl}/readyz`, performance.now());
  const cookie = await signUpByOutbox({
    baseUrl,
    dataDir,
    headers: { origin },
    details: { name: "Profile", email: "profile@example.test", password: "profiling passphrase long enough" },
  });
  await completeAssessment({ baseUrl, origin, cookie });
  const options = { seconds, connections: 20 };
  result =
    route === "livez"
      ? await load(`${baseUrl}/livez`, options)
      : route === "me"
        ? await load(`${baseUrl}/api/me`, { ...options, headers: { cookie } })
        : route === "profile"
          ? await load(`${baseUrl}/api/profile`, { ...options, headers: { cookie } })
          : await load(`${baseUrl}/api/check-ins/current`, {
              ...options,
              method: "PUT",
              headers: { cookie, origin, "content-type": "application/json" },
              body: checkInBody,
            });
} finally {
  // SIGTERM lets Node write the profile on its way out.
  await stopProcess(server);
}

const [profileFile] = fs.readdirSync(profileDir).filter((file) => file.endsWith(".cpuprofile"));
if (!profileFile) throw new Error(`the server wrote no CPU profile to ${profileDir}`);
const summary = summarizeCpuProfile(JSON.parse(fs.readFileSync(path.join(profileDir, profileFile), "utf8")) as CpuProfile, 30);
const percent = (share: number) => `${(share * 100).toFixed(1).padStart(5)} %`;
process.stdout.write(
  `${route}: ${Math.round(result.requestsPerSecond)} req/s, p50 ${result.p50} ms, p99 ${result.p99} ms, ${result.errors} errors, ${result.non2xx} non-2xx\n`,
);
process.stdout.write("(start-up is in the profile too: module loading and migrations show as a few per cent)\n\nSelf time\n");
for (const row of summary.self) process.stdout.write(`${percent(row.share)}  ${row.name}\n`);
process.stdout.write("\nInclusive time\n");
for (const row of summary.inclusive) process.stdout.write(`${percent(row.share)}  ${row.name}\n`);
fs.rmSync(dataDir, { recursive: true, force: true });
