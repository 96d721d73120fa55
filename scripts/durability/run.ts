// npm run test:durability: the crash-consistency proof of check-in writes (decision 019). For each
// dialect: start the built server, sign people up, then cycle — write concurrently, SIGKILL the
// server at a seeded moment, check the database as the crash left it, restart, check through the
// API. Prints counts per dialect and the seed; exits 1 on any failed check.
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { Checks, newCounts, type Counts } from "./checks.js";
import { vapidEnv } from "../../server/src/platform/web-push.js";
import { createTarget, type DatabaseTarget } from "./database-target.js";
import { newLedger, type PersonLedger } from "./ledger.js";
import { parseOptions, type DialectName, type DurabilityOptions } from "./options.js";
import { signUpPeople } from "./people.js";
import { createRandom, type Random } from "./random.js";
import { freePort, requireBuiltServer, startServer } from "./server-process.js";
import { checkAfterRestart, checkDatabase } from "./verify.js";
import { writeUntilKilled } from "./workload.js";

type DialectResult = { dialect: DialectName; counts: Counts; failures: string[]; error: string | undefined };

/** A kill moment: often within the first few writes after start, mostly a little later. */
function killDelay(random: Random): number {
  return random.chance(0.3) ? random.int(0, 40) : random.int(40, 450);
}

async function verifyCrashState(target: DatabaseTarget, ledgers: PersonLedger[], checks: Checks): Promise<Map<string, string>> {
  const inspector = await target.openInspector();
  try {
    return await checkDatabase(inspector, ledgers, checks);
  } finally {
    await inspector.close();
  }
}

async function runDialect(options: DurabilityOptions, dialect: DialectName): Promise<DialectResult> {
  const counts = newCounts();
  const checks = new Checks(counts);
  const result: DialectResult = { dialect, counts, failures: checks.failures, error: undefined };
  const target = await createTarget(dialect, options.postgresUrl);
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const env = {
    ...target.serverEnv,
    NODE_ENV: "production",
    HOST: "127.0.0.1",
    PORT: String(port),
    PUBLIC_URL: baseUrl,
    LOG_LEVEL: "error",
    CLIENT_IP_HEADER: "x-forwarded-for",
    // Given, not generated on first start, so this run proves the database and nothing else.
    AUTH_SECRET: randomBytes(48).toString("base64"),
    ENCRYPTION_KEY: randomBytes(32).toString("base64"),
    ...vapidEnv(),
  };
  let server = await startServer(baseUrl, env);
  try {
    const people = await signUpPeople(baseUrl, target.serverEnv.DATA_DIR ?? "", options.people, `${dialect}.${randomBytes(4).toString("hex")}`);
    const ledgers = people.map(newLedger);
    const writerRandoms = people.map((person) => createRandom(options.seed, `${dialect}/writer/${person.index}`));
    const scheduler = createRandom(options.seed, `${dialect}/scheduler`);
    for (let cycle = 1; cycle <= options.cycles; cycle += 1) {
      const failuresBefore = checks.failures.length;
      checks.context = `${dialect} cycle ${cycle}`;
      counts.cycles += 1;
      const acknowledgedBefore = counts.acknowledgedWrites;
      const killAfterMs = killDelay(scheduler);
      await writeUntilKilled({ baseUrl, ledgers, randoms: writerRandoms, checks, server, killAfterMs });
      const unanswered = ledgers.filter((ledger) => ledger.pending !== undefined).length;
      process.stdout.write(
        `  ${dialect} cycle ${cycle}/${options.cycles}: killed after ${killAfterMs} ms, ${counts.acknowledgedWrites - acknowledgedBefore} writes acknowledged, ${unanswered} unanswered\n`,
      );
      const committedPending = await verifyCrashState(target, ledgers, checks);
      server = await startServer(baseUrl, env);
      await checkAfterRestart({ baseUrl, ledgers, random: scheduler, checks, committedPending, replaysPerPerson: 3 });
      if (checks.failures.length === failuresBefore) counts.cyclesPassed += 1;
      else {
        counts.cyclesFailed += 1;
        // Later cycles would only repeat or compound this failure; stop and report it.
        break;
      }
    }
    // The end: every acknowledged key replayed (up to 200 a person), a clean shutdown, the database once more.
    checks.context = `${dialect} final`;
    await checkAfterRestart({ baseUrl, ledgers, random: scheduler, checks, committedPending: new Map(), replaysPerPerson: 200 });
    const code = await server.stop();
    checks.that(code === 0, `the server stops cleanly on SIGTERM (exit code ${code})`);
    await verifyCrashState(target, ledgers, checks);
  } catch (error) {
    result.error = error instanceof Error ? error.message : String(error);
    await server.kill();
  } finally {
    await target.destroy();
  }
  return result;
}

function printSummary(options: DurabilityOptions, results: DialectResult[], seconds: number): void {
  process.stdout.write(`\nDurability (${options.mode}, seed ${options.seed}, ${options.people} writers, ${seconds.toFixed(1)} s)\n`);
  for (const { dialect, counts, failures, error } of results) {
    process.stdout.write(
      `  ${dialect.padEnd(8)} cycles ${counts.cyclesPassed}/${counts.cycles} clean · acknowledged writes ${counts.acknowledgedWrites} · retried keys ${counts.retriedKeys}` +
        ` · unanswered at kill ${counts.unansweredWrites} (${counts.committedBeforeKill} had committed) · checks ${counts.checksPassed} passed, ${counts.checksFailed} failed\n`,
    );
    if (error !== undefined) process.stdout.write(`    stopped by an error: ${error}\n`);
    for (const failure of failures.slice(0, 20)) process.stdout.write(`    FAILED ${failure}\n`);
    if (failures.length > 20) process.stdout.write(`    … and ${failures.length - 20} more\n`);
  }
  const total = results.reduce((sum, { counts }) => sum + counts.cycles, 0);
  process.stdout.write(`  total    ${total} kill/restart cycles\n`);
  if (results.some((result) => result.error !== undefined || result.failures.length > 0)) {
    process.stdout.write(`  Replay this schedule with DURABILITY_SEED=${options.seed}\n`);
  }
}

async function main(): Promise<void> {
  let options: DurabilityOptions;
  try {
    options = parseOptions(process.argv.slice(2), process.env);
    requireBuiltServer();
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(2);
  }
  process.stdout.write(
    `Durability run: ${options.mode}, ${options.cycles} cycles per dialect (${options.dialects.join(", ")}), DURABILITY_SEED=${options.seed}\n`,
  );
  const started = Date.now();
  const results: DialectResult[] = [];
  for (const dialect of options.dialects) {
    try {
      results.push(await runDialect(options, dialect));
    } catch (error) {
      // Could not even set the dialect up (PostgreSQL missing): a failure, never a skip.
      results.push({ dialect, counts: newCounts(), failures: [], error: error instanceof Error ? error.message : String(error) });
    }
  }
  printSummary(options, results, (Date.now() - started) / 1000);
  if (options.summaryFile !== undefined) {
    fs.mkdirSync(path.dirname(options.summaryFile), { recursive: true });
    fs.writeFileSync(options.summaryFile, JSON.stringify({ seed: options.seed, mode: options.mode, results }, null, 2));
  }
  process.exit(results.every((result) => result.error === undefined && result.failures.length === 0 && result.counts.cycles > 0) ? 0 : 1);
}

await main();
