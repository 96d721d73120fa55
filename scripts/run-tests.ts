// npm test: the whole suite, in the order a failure is cheapest to find. Installs what
// the tests need beyond `npm ci` (scripts/ensure-test-services.sh), then lint, types,
// build, unit and web tests, integration tests on SQLite and PostgreSQL, kill/restart
// durability on both, two server processes on one PostgreSQL, the operator's faults, and e2e in Chromium. Ends with counts per tier and dialect and one
// "N passed, N failed" line.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

type Tally = { passed: number; failed: number; skipped: number };
type VitestTest = { fullName: string; status: string };
type VitestJson = { testResults: Array<{ name: string; assertionResults: VitestTest[] }> };
type PlaywrightJson = { stats: { expected: number; unexpected: number; flaky: number; skipped: number } };

const reportDir = "test-results";
fs.mkdirSync(reportDir, { recursive: true });
const failures: string[] = [];
const tallies = new Map<string, Tally>();

function run(label: string, command: string, args: string[], env: Record<string, string> = {}): boolean {
  process.stdout.write(`\n━━ ${label} ━━\n`);
  const result = spawnSync(command, args, { stdio: "inherit", env: { ...process.env, ...env } });
  const ok = result.status === 0;
  if (!ok) failures.push(label);
  return ok;
}

function tally(name: string): Tally {
  const existing = tallies.get(name) ?? { passed: 0, failed: 0, skipped: 0 };
  tallies.set(name, existing);
  return existing;
}

function countVitest(file: string, tierOf: (testFile: string, test: VitestTest) => string): void {
  if (!fs.existsSync(file)) return;
  const report = JSON.parse(fs.readFileSync(file, "utf8")) as VitestJson;
  for (const suite of report.testResults) {
    for (const test of suite.assertionResults) {
      const entry = tally(tierOf(suite.name, test));
      if (test.status === "passed") entry.passed += 1;
      else if (test.status === "failed") entry.failed += 1;
      else entry.skipped += 1;
    }
  }
}

const dialectOf = (test: VitestTest) => /\[(sqlite|postgres)\]/.exec(test.fullName)?.[1] ?? "no dialect";
const workspaceOf = (testFile: string) => path.relative(process.cwd(), testFile).split(path.sep)[0] ?? "other";

if (!run("Test services (Chromium, PostgreSQL)", "bash", ["scripts/ensure-test-services.sh"])) {
  process.stdout.write("\nTests: 0 passed, 1 failed\n");
  process.exit(1);
}
run("Lint", "npx", ["eslint", "--max-warnings=0", "."]);
run("Type check", "npm", ["run", "--silent", "typecheck"]);
const built = run("Build", "npm", ["run", "--silent", "build"]);

const unitReport = path.join(reportDir, "vitest-unit.json");
const integrationReport = path.join(reportDir, "vitest-integration.json");
fs.rmSync(unitReport, { force: true });
fs.rmSync(integrationReport, { force: true });
run("Unit and web tests", "npx", [
  "vitest",
  "run",
  "--project",
  "unit",
  "--project",
  "web",
  "--reporter=default",
  "--reporter=json",
  `--outputFile.json=${unitReport}`,
]);
run("Integration tests (SQLite and PostgreSQL)", "npx", [
  "vitest",
  "run",
  "--project",
  "integration",
  "--reporter=default",
  "--reporter=json",
  `--outputFile.json=${integrationReport}`,
]);
countVitest(unitReport, (testFile) => (workspaceOf(testFile) === "web" ? "web" : `unit (${workspaceOf(testFile)})`));
countVitest(integrationReport, (_testFile, test) => `integration (${dialectOf(test)})`);

// Crash consistency of check-in writes (decision 019): a few SIGKILL/restart cycles per dialect,
// each clean cycle counted as one passed test; `npm run test:durability` runs the full count.
type DurabilityJson = { results: Array<{ dialect: string; counts: { cyclesPassed: number; cyclesFailed: number }; error?: string }> };
const durabilityReport = path.join(reportDir, "durability.json");
fs.rmSync(durabilityReport, { force: true });
if (built)
  run("Durability (SQLite and PostgreSQL, short)", "npx", [
    "tsx",
    "--conditions=source",
    "scripts/durability/run.ts",
    "--short",
    `--summary-file=${durabilityReport}`,
  ]);
else failures.push("Durability (skipped: the build failed)");
if (fs.existsSync(durabilityReport)) {
  for (const { dialect, counts, error } of (JSON.parse(fs.readFileSync(durabilityReport, "utf8")) as DurabilityJson).results) {
    const entry = tally(`durability (${dialect})`);
    entry.passed += counts.cyclesPassed;
    entry.failed += counts.cyclesFailed + (error === undefined ? 0 : 1);
  }
}

// Two server processes on one PostgreSQL (decision 021): shared sessions, throttling across
// both, one retention sweep per round; each of the three proofs counted as one test.
type MultiInstanceJson = { results: Array<{ passed: boolean }> };
const multiInstanceReport = path.join(reportDir, "multi-instance.json");
fs.rmSync(multiInstanceReport, { force: true });
if (built)
  run("Multi-instance (two processes on PostgreSQL)", "npx", [
    "tsx",
    "--conditions=source",
    "scripts/multi-instance/run.ts",
    `--summary-file=${multiInstanceReport}`,
  ]);
else failures.push("Multi-instance (skipped: the build failed)");
if (fs.existsSync(multiInstanceReport)) {
  for (const { passed } of (JSON.parse(fs.readFileSync(multiInstanceReport, "utf8")) as MultiInstanceJson).results) {
    tally("multi-instance (postgres)")[passed ? "passed" : "failed"] += 1;
  }
}

// The operator's world on the built server (issue 14): PostgreSQL that blinks, a disk that fills,
// a backup restored, slow clients, npm start and its signals; each proof counted as one test.
type FaultsJson = { results: Array<{ name: string; passed: boolean; skipped?: boolean }> };
const faultsReport = path.join(reportDir, "faults.json");
fs.rmSync(faultsReport, { force: true });
if (built)
  run("Faults (PostgreSQL blinks, full disk, restore drill, slow clients, signals)", "npx", [
    "tsx",
    "--conditions=source",
    "scripts/faults/run.ts",
    `--summary-file=${faultsReport}`,
  ]);
else failures.push("Faults (skipped: the build failed)");
if (fs.existsSync(faultsReport)) {
  for (const { name, passed, skipped } of (JSON.parse(fs.readFileSync(faultsReport, "utf8")) as FaultsJson).results) {
    tally(`faults (${/\[(sqlite|postgres)\]/.exec(name)?.[1] ?? "process"})`)[skipped ? "skipped" : passed ? "passed" : "failed"] += 1;
  }
}

const e2eReport = path.join("e2e-output", "results.json");
fs.rmSync(e2eReport, { force: true });
if (built) run("End-to-end tests (Chromium)", "npx", ["playwright", "test"]);
else failures.push("End-to-end tests (skipped: the build failed)");
if (fs.existsSync(e2eReport)) {
  const { stats } = JSON.parse(fs.readFileSync(e2eReport, "utf8")) as PlaywrightJson;
  Object.assign(tally("e2e (chromium)"), { passed: stats.expected + stats.flaky, failed: stats.unexpected, skipped: stats.skipped });
}

let passed = 0;
let failed = failures.length > 0 && [...tallies.values()].every((entry) => entry.failed === 0) ? 1 : 0;
process.stdout.write("\n━━ Summary ━━\n");
for (const [name, entry] of [...tallies.entries()].sort()) {
  process.stdout.write(
    `${name.padEnd(28)} ${String(entry.passed).padStart(5)} passed  ${String(entry.failed).padStart(3)} failed  ${String(entry.skipped).padStart(3)} skipped\n`,
  );
  passed += entry.passed;
  failed += entry.failed;
}
if (failures.length > 0) process.stdout.write(`\nFailed steps: ${failures.join("; ")}\n`);
process.stdout.write(`\nTests: ${passed} passed, ${failed} failed\n`);
process.exit(failures.length > 0 ? 1 : 0);
