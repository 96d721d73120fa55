// npm run restore -- FILE: puts a backup made by `npm run backup` back as Mutual's database
// (decision 029; docs/operations.md). Stop the server first. SQLite: the backup is checked,
// copied into place with the backup API, and the configured keys must open its data keys, or
// nothing is changed; a database already there is kept aside with --force, refused without it.
// PostgreSQL: pg_restore of the dump into the configured database (--print shows the command).
import fs from "node:fs";
import { pino } from "pino";
import { loadConfig } from "../../server/src/config.js";
import { openDatabase } from "../../server/src/db/database.js";
import { keySourceFrom, loadKeyring } from "../../server/src/modules/data-keys/index.js";
import { hasTool, restoreCommand, run, shown } from "./postgres-dump.js";
import { copySqliteDatabase, problemsOfSqliteFile } from "./sqlite-files.js";

const usage = "Usage: npm run restore -- BACKUP_FILE [--force] [--print]";
const sqliteCompanions = ["", "-wal", "-shm"];

function parseArgs(args: string[]): { file: string; force: boolean; print: boolean } {
  const flags = new Set(args.filter((arg) => arg.startsWith("--")));
  const files = args.filter((arg) => !arg.startsWith("--"));
  const unknown = [...flags].filter((flag) => flag !== "--force" && flag !== "--print");
  if (unknown.length > 0 || files.length !== 1 || files[0] === undefined)
    throw new Error(`${unknown.length > 0 ? `Unknown option ${unknown.join(" ")}. ` : ""}${usage}`);
  return { file: files[0], force: flags.has("--force"), print: flags.has("--print") };
}

async function main(): Promise<void> {
  const options = parseArgs(process.argv.slice(2));
  const config = loadConfig();
  if (!fs.existsSync(options.file)) throw new Error(`${options.file} does not exist.`);
  if (config.database.dialect === "postgres") {
    const command = restoreCommand(config.database.connectionString, options.file);
    if (options.print || !hasTool("pg_restore")) {
      process.stdout.write(`${options.print ? "" : "pg_restore is not installed here. "}Stop the servers, then restore with:\n  ${shown(command)}\n`);
      if (!options.print) process.exit(2);
      return;
    }
    run(command);
    process.stdout.write(`Restored ${options.file}. Start the server: it checks that its keys open the restored data keys.\n`);
    return;
  }
  const problems = problemsOfSqliteFile(options.file);
  if (problems.length > 0) throw new Error(`${options.file} is not a sound Mutual backup; nothing was changed:\n  ${problems.join("\n  ")}`);
  const target = config.database.file;
  const keptAside = `${target}.before-restore-${Date.now()}`;
  const present = sqliteCompanions.filter((suffix) => fs.existsSync(`${target}${suffix}`));
  if (present.length > 0 && !options.force) {
    throw new Error(
      `A database is already at ${target}. Stop the server, then run again with --force to keep it aside as ${target}.before-restore-… and restore over it.`,
    );
  }
  for (const suffix of present) fs.renameSync(`${target}${suffix}`, `${keptAside}${suffix}`);
  const putBack = () => {
    for (const suffix of sqliteCompanions) fs.rmSync(`${target}${suffix}`, { force: true });
    for (const suffix of present) fs.renameSync(`${keptAside}${suffix}`, `${target}${suffix}`);
  };
  try {
    const copy = await copySqliteDatabase(options.file, target);
    if (copy.problems.length > 0) throw new Error(`The restored copy failed SQLite's checks:\n  ${copy.problems.join("\n  ")}`);
    // The keys this server would start with must open the backup's data keys: a restore whose
    // notes nobody can read is not a restore.
    const database = openDatabase(config.database);
    try {
      await loadKeyring(database.db, keySourceFrom(config, "sqlite", pino({ level: "silent" })));
    } finally {
      await database.close();
    }
  } catch (error) {
    putBack();
    throw new Error(
      `${error instanceof Error ? error.message : String(error)}\nNothing was changed${present.length > 0 ? `: the database that was there is back in place` : ""}.`,
      { cause: error },
    );
  }
  process.stdout.write(
    [
      `Restored ${options.file} to ${target}.`,
      present.length > 0 ? `The database that was there is kept as ${keptAside}.` : "",
      "Its data keys open with the configured key. Start the server (npm start).",
      "",
    ]
      .filter((line, index, lines) => line !== "" || index === lines.length - 1)
      .join("\n"),
  );
}

main().catch((error: unknown) => {
  process.stderr.write(`Restore failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
