// npm run test:faults: the operator's world, on the built server (issue 14, decisions 027–029).
// (a) PostgreSQL that blinks: connections ended, reset, refused and stalled while people write;
// (b) a disk that fills under SQLite; (c) a backup taken while people write, restored into a new
// data folder and started; (d) slow clients holding connections while others are served; (e) `npm
// start` stopped by SIGTERM. Each proof is one test in npm test's summary. PostgreSQL missing is a
// failure, never a skip. Exits 1 on any failed check.
import fs from "node:fs";
import { Checks, newCounts } from "../durability/checks.js";
import { requireBuiltServer } from "../durability/server-process.js";
import { proveDatabaseBlinks } from "./database-blinks.js";
import { proveDiskFull } from "./disk-full.js";
import { proveRestoreDrill } from "./restore-drill.js";
import { proveSlowClients } from "./slow-clients.js";
import { proveNpmStartSignals } from "./npm-start-signals.js";

type ProofResult = { name: string; passed: boolean; skipped: boolean; failures: string[]; seconds: number };

const postgresUrl = process.env.TEST_DATABASE_URL?.trim() || "postgres://localhost/test";
const args = process.argv.slice(2);
const summaryFile = args.find((argument) => argument.startsWith("--summary-file="))?.slice("--summary-file=".length);
const only = args.find((argument) => argument.startsWith("--only="))?.slice("--only=".length);
const log = (line: string) => process.stdout.write(`${line}\n`);

const proofs: Array<{ key: string; name: string; run: (checks: Checks) => Promise<unknown> }> = [
  {
    key: "blinks",
    name: "(a) [postgres] the database blinks: ended, reset, refused and stalled connections",
    run: (checks) => proveDatabaseBlinks(checks, postgresUrl, log),
  },
  { key: "disk", name: "(b) [sqlite] the disk fills while people write", run: (checks) => proveDiskFull(checks, log) },
  { key: "restore", name: "(c) [sqlite] a backup taken while people write, restored into a new data folder", run: (checks) => proveRestoreDrill(checks, log) },
  { key: "slow", name: "(d) slow clients hold connections while others are served", run: (checks) => proveSlowClients(checks, log) },
  { key: "signals", name: "(e) npm start stops with SIGTERM and SIGINT, leaving nothing behind", run: (checks) => proveNpmStartSignals(checks, log) },
];

async function main(): Promise<ProofResult[]> {
  requireBuiltServer();
  const results: ProofResult[] = [];
  for (const proof of proofs.filter((entry) => only === undefined || only.split(",").includes(entry.key))) {
    log(`\n${proof.name}`);
    const checks = new Checks(newCounts());
    checks.context = proof.name;
    const started = performance.now();
    let outcome: unknown;
    try {
      outcome = await proof.run(checks);
    } catch (error) {
      checks.that(false, `stopped by an error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    }
    const result = {
      name: proof.name,
      passed: checks.failures.length === 0,
      skipped: outcome === "skipped",
      failures: checks.failures,
      seconds: (performance.now() - started) / 1000,
    };
    results.push(result);
    log(`  ${result.skipped ? "skipped" : result.passed ? "passed" : "FAILED"} (${result.seconds.toFixed(1)} s, ${checks.counts.checksPassed} checks)`);
    for (const failure of result.failures) log(`    ✗ ${failure}`);
  }
  return results;
}

main()
  .then((results) => {
    if (summaryFile) fs.writeFileSync(summaryFile, JSON.stringify({ results }, null, 2));
    const failed = results.filter((result) => !result.passed).length;
    const skipped = results.filter((result) => result.skipped).length;
    log(`\nFaults: ${results.length - failed - skipped} passed, ${failed} failed, ${skipped} skipped`);
    process.exit(failed > 0 ? 1 : 0);
  })
  .catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    if (summaryFile)
      fs.writeFileSync(summaryFile, JSON.stringify({ results: [{ name: "faults run", passed: false, skipped: false, failures: [String(error)] }] }));
    process.exit(1);
  });
