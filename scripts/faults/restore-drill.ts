// (c) The restore drill (issue 14, decision 029): a backup taken with `npm run backup` while people
// write, restored with `npm run restore` into a new data folder (with the key-encryption key and
// the auth secret put back from the key backup, as an operator would), and a server started on it.
// Proves: the backup passes SQLite's checks; every write acknowledged before the backup began is in
// the restored database exactly, its note readable; the writes made during the backup are there
// whole or not at all; the restore refuses a folder that already holds a database, and refuses to
// go on when the key is missing.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Checks } from "../durability/checks.js";
import { getCurrentCheckIn } from "../durability/check-in-api.js";
import { openSqliteInspectorAt } from "../durability/database-target.js";
import { expectedView, newLedger, type PersonLedger } from "../durability/ledger.js";
import { signUpPeople } from "../durability/people.js";
import { createRandom } from "../durability/random.js";
import { freePort, startServer } from "../durability/server-process.js";
import { checkDatabase } from "../durability/verify.js";
import { startWriters } from "./writers.js";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Runs one of the operator's commands (scripts/operations) as `npm run …` would, in its own process. */
function operatorCommand(script: "backup" | "restore", args: string[], env: Record<string, string>): { status: number | null; output: string } {
  const result = spawnSync(process.execPath, ["--import", "tsx", "--conditions=source", path.join(root, `scripts/operations/${script}.ts`), ...args], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: "", ...env },
    encoding: "utf8",
  });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

export async function proveRestoreDrill(checks: Checks, log: (line: string) => void): Promise<void> {
  const original = fs.mkdtempSync(path.join(os.tmpdir(), "mutual-drill-original-"));
  const restored = fs.mkdtempSync(path.join(os.tmpdir(), "mutual-drill-restored-"));
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const env = {
    NODE_ENV: "production",
    HOST: "127.0.0.1",
    PORT: String(port),
    PUBLIC_URL: baseUrl,
    CLIENT_IP_HEADER: "x-forwarded-for",
    LOG_LEVEL: "warn",
    DATABASE_URL: "",
  };
  let server = await startServer(baseUrl, { ...env, DATA_DIR: original });
  try {
    const people = await signUpPeople(baseUrl, original, 6, "drill");
    const before = people.slice(0, 3).map(newLedger);
    const during = people.slice(3).map(newLedger);
    const randoms = (ledgers: PersonLedger[]) => ledgers.map((ledger) => createRandom("restore-drill", `writer-${ledger.person.index}`));
    // Three people write and are done before the backup; three keep writing through it.
    const early = startWriters({ baseUrl, ledgers: before, randoms: randoms(before), checks });
    const throughout = startWriters({ baseUrl, ledgers: during, randoms: randoms(during), checks });
    await sleep(2000);
    await early.stop(10_000);
    await sleep(300);
    const backup = operatorCommand("backup", [], { DATA_DIR: original });
    await throughout.stop(10_000);
    const file = /Backed up to (\S+)/.exec(backup.output)?.[1] ?? "";
    log(`  backup under writes: exit ${backup.status}, ${/([\d,]+ bytes in \d+ ms)/.exec(backup.output)?.[1] ?? backup.output.trim()}`);
    checks.that(backup.status === 0 && fs.existsSync(file), `npm run backup made a file (exit ${backup.status}: ${backup.output.trim()})`);
    checks.that(/integrity_check and foreign_key_check passed/.test(backup.output), "the backup passed SQLite's checks");
    checks.that(/holds no key/.test(backup.output), "the backup command says the key is not in it");
    checks.that((fs.statSync(file).mode & 0o777) === 0o600, "the backup file is readable by its owner alone");
    await server.stop();

    // A new machine: the keys come back from the key backup; without the key, restore refuses.
    const withoutKey = operatorCommand("restore", [file], {
      DATA_DIR: restored,
      AUTH_SECRET: fs.readFileSync(path.join(original, "auth-secret"), "utf8").trim(),
    });
    checks.that(
      withoutKey.status !== 0 && /ENCRYPTION_KEY is not set/.test(withoutKey.output),
      `restore without the key refuses (exit ${withoutKey.status}: ${withoutKey.output.trim().split("\n")[0]})`,
    );
    checks.that(!fs.existsSync(path.join(restored, "mutual.sqlite")), "a refused restore leaves no database behind");
    for (const secret of ["encryption-key", "auth-secret"]) fs.copyFileSync(path.join(original, secret), path.join(restored, secret));
    const restore = operatorCommand("restore", [file], { DATA_DIR: restored });
    log(`  restore: exit ${restore.status}, ${restore.output.trim().split("\n")[0]}`);
    checks.that(restore.status === 0, `npm run restore succeeded (${restore.output.trim()})`);
    const again = operatorCommand("restore", [file], { DATA_DIR: restored });
    checks.that(again.status !== 0 && /already at/.test(again.output), "restoring over a database without --force is refused");

    server = await startServer(baseUrl, { ...env, DATA_DIR: restored });
    // Everyone who finished before the backup: exactly their last acknowledged write, note and all.
    let readable = 0;
    for (const ledger of before) {
      const outcome = await getCurrentCheckIn(baseUrl, ledger.person);
      const body = outcome.answered ? (JSON.parse(outcome.body) as { checkIn: { answers: unknown; note: string | null } | null }) : null;
      const last = ledger.acknowledged.at(-1);
      checks.equal(
        body?.checkIn ? { answers: body.checkIn.answers, note: body.checkIn.note } : null,
        last ? expectedView(last.body) : null,
        `writer ${ledger.person.index}'s last write before the backup is restored, note readable`,
      );
      if (body?.checkIn?.note) readable += 1;
    }
    // Those writing through it: one of their writes, whole, or none.
    for (const ledger of during) {
      const outcome = await getCurrentCheckIn(baseUrl, ledger.person);
      checks.that(
        outcome.answered && outcome.status === 200,
        `writer ${ledger.person.index}'s check-in reads after the restore (notes open with the restored key)`,
      );
      const body = outcome.answered ? (JSON.parse(outcome.body) as { checkIn: { answers: unknown; note: string | null } | null }) : null;
      const sent = ledger.acknowledged.map((write) => JSON.stringify(expectedView(write.body)));
      checks.that(
        body?.checkIn == null || sent.includes(JSON.stringify({ answers: body.checkIn.answers, note: body.checkIn.note })),
        `writer ${ledger.person.index}'s restored check-in is one of the writes they made, whole`,
      );
    }
    await server.stop();
    const inspector = openSqliteInspectorAt(path.join(restored, "mutual.sqlite"));
    try {
      await checkDatabase(inspector, before, checks);
    } finally {
      await inspector.close();
    }
    log(
      `  restored and started: ${before.reduce((sum, ledger) => sum + ledger.acknowledged.length, 0)} writes before the backup all there (${readable} notes read back), integrity_check passes`,
    );
  } finally {
    if (server.isRunning()) await server.kill();
    fs.rmSync(original, { recursive: true, force: true });
    fs.rmSync(restored, { recursive: true, force: true });
  }
}
