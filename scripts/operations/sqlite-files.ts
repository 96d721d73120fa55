// Backup and restore of the SQLite database with SQLite's own online backup (decision 029). A
// plain file copy of a live database is not a backup: pages change while they are copied, and
// the WAL beside the file holds the latest commits. The backup API copies a consistent snapshot
// of everything committed, while the server keeps writing.
import fs from "node:fs";
import path from "node:path";
import type BetterSqlite3 from "better-sqlite3";
import { SqliteDatabase } from "../../server/src/db/sqlite-driver.js";
import { ensurePrivateDirectory } from "../../server/src/platform/private-files.js";

/** SQLite's own checks of a database file; an empty list means it is sound. */
export function problemsOfSqliteFile(file: string): string[] {
  let connection: BetterSqlite3.Database;
  try {
    connection = new SqliteDatabase(file, { readonly: true, fileMustExist: true });
  } catch (error) {
    return [`cannot be opened: ${error instanceof Error ? error.message : String(error)}`];
  }
  try {
    const problems: string[] = [];
    const integrity = connection.pragma("integrity_check") as Array<{ integrity_check: string }>;
    if (integrity.length !== 1 || integrity[0]?.integrity_check !== "ok") problems.push(...integrity.map((row) => `integrity_check: ${row.integrity_check}`));
    for (const row of connection.pragma("foreign_key_check") as Array<{ table: string; rowid: number; parent: string }>) {
      problems.push(`foreign_key_check: ${row.table} row ${row.rowid} points at a missing ${row.parent}`);
    }
    const tables = connection.prepare("select count(*) as n from sqlite_master where type = 'table' and name = 'kysely_migration'").get() as { n: number };
    if (tables.n !== 1) problems.push("it is not a Mutual database (no migration history)");
    return problems;
  } catch (error) {
    return [`cannot be read: ${error instanceof Error ? error.message : String(error)}`];
  } finally {
    connection.close();
  }
}

export type SqliteCopy = { file: string; bytes: number; milliseconds: number; problems: string[] };

/**
 * Copies a live database to `destination` in one step of the backup API (one read snapshot, so
 * writers never make it start over), checks the copy, and only then gives it its name. The
 * copy is readable by its owner alone.
 */
export async function copySqliteDatabase(source: string, destination: string): Promise<SqliteCopy> {
  const started = performance.now();
  const temporary = `${destination}.partial`;
  ensurePrivateDirectory(path.dirname(destination));
  fs.rmSync(temporary, { force: true });
  const connection = new SqliteDatabase(source, { fileMustExist: true });
  try {
    connection.pragma("busy_timeout = 5000");
    await connection.backup(temporary, { progress: () => 1_000_000_000 });
  } finally {
    connection.close();
  }
  fs.chmodSync(temporary, 0o600);
  const problems = problemsOfSqliteFile(temporary);
  if (problems.length > 0) {
    fs.rmSync(temporary, { force: true });
    return { file: destination, bytes: 0, milliseconds: performance.now() - started, problems };
  }
  fs.renameSync(temporary, destination);
  return { file: destination, bytes: fs.statSync(destination).size, milliseconds: performance.now() - started, problems };
}

/** Data keys per key-encryption key id in a database file: which keys a restore of it needs. */
export function keyIdsInSqliteFile(file: string): Map<string, number> {
  const connection = new SqliteDatabase(file, { readonly: true, fileMustExist: true });
  try {
    const rows = connection.prepare("select key_id, count(*) as n from data_key group by key_id").all() as Array<{ key_id: string; n: number }>;
    return new Map(rows.map((row) => [row.key_id, row.n]));
  } finally {
    connection.close();
  }
}

/** A backup file name that sorts by time: mutual-20261207T101500Z.sqlite. */
export function timestampedName(extension: string, at = new Date()): string {
  return `mutual-${at
    .toISOString()
    .replace(/[-:]/g, "")
    .replace(/\.\d+Z$/, "Z")}.${extension}`;
}
