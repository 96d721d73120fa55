// npm run backup: a consistent copy of Mutual's database, safe to take while people write
// (decision 029; docs/operations.md). SQLite: the online backup API to a timestamped file under
// DATA_DIR/backups (or --to DIR), checked with integrity_check before it gets its name.
// PostgreSQL: pg_dump of Mutual's schema in the custom format (--print shows the command only).
// The key-encryption key is never in a backup: keep it elsewhere, or deletion would not be final.
import fs from "node:fs";
import path from "node:path";
import { loadConfig } from "../../server/src/config.js";
import { keyFileName } from "../../server/src/modules/data-keys/index.js";
import { dumpCommand, hasTool, run, shown } from "./postgres-dump.js";
import { copySqliteDatabase, keyIdsInSqliteFile, timestampedName } from "./sqlite-files.js";

const usage = "Usage: npm run backup [-- --to DIR] [--print]";

function parseArgs(args: string[]): { to: string | undefined; print: boolean } {
  let to: string | undefined;
  let print = false;
  for (let index = 0; index < args.length; index += 1) {
    const arg = args[index];
    if (arg === "--print") print = true;
    else if (arg === "--to" && args[index + 1] !== undefined) to = args[++index];
    else if (arg?.startsWith("--to=")) to = arg.slice("--to=".length);
    else throw new Error(`Unknown argument ${String(arg)}. ${usage}`);
  }
  return { to, print };
}

const keyReminder = (dataDir: string) =>
  `This backup holds no key. Sealed notes and reflections in it open only with the key-encryption key (ENCRYPTION_KEY, or ${path.join(dataDir, keyFileName)}): keep that key backed up apart from the database backups (docs/operations.md).`;

async function main(): Promise<void> {
  const options = parseArgs(process.argv.slice(2));
  const config = loadConfig();
  const folder = path.resolve(options.to ?? path.join(config.dataDir, "backups"));
  if (config.database.dialect === "postgres") {
    const file = path.join(folder, timestampedName("pgdump"));
    const command = dumpCommand(config.database.connectionString, file);
    if (options.print || !hasTool("pg_dump")) {
      process.stdout.write(`${options.print ? "" : "pg_dump is not installed here. "}Back up with:\n  ${shown(command)}\n`);
      if (!options.print) process.exit(2);
      return;
    }
    fs.mkdirSync(folder, { recursive: true, mode: 0o700 });
    run(command);
    fs.chmodSync(file, 0o600);
    run(["pg_restore", "--list", file], "ignore");
    process.stdout.write(
      `\nBacked up to ${file} (${fs.statSync(file).size.toLocaleString("en")} bytes); pg_restore reads it.\n${keyReminder(config.dataDir)}\n`,
    );
    return;
  }
  if (options.print) throw new Error("--print is for PostgreSQL; the SQLite backup is made here.");
  if (!fs.existsSync(config.database.file)) throw new Error(`There is no database at ${config.database.file} yet: nothing to back up.`);
  const copy = await copySqliteDatabase(config.database.file, path.join(folder, timestampedName("sqlite")));
  if (copy.problems.length > 0) throw new Error(`The copy failed SQLite's checks and was removed:\n  ${copy.problems.join("\n  ")}`);
  const keys = [...keyIdsInSqliteFile(copy.file)].map(([id, count]) => `${id} (${count})`).join(", ");
  process.stdout.write(
    [
      `Backed up to ${copy.file}`,
      `  ${copy.bytes.toLocaleString("en")} bytes in ${Math.round(copy.milliseconds)} ms; integrity_check and foreign_key_check passed.`,
      `  Data keys wrapped by: ${keys === "" ? "none yet" : keys}.`,
      keyReminder(config.dataDir),
      "",
    ].join("\n"),
  );
}

main().catch((error: unknown) => {
  process.stderr.write(`Backup failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
