import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import BetterSqlite3 from "better-sqlite3";
import { Kysely, SqliteDialect, sql } from "kysely";
import pg from "pg";
import type { DatabaseConfig } from "../config.js";
import { makeFilePrivate, touchPrivateFile } from "../platform/private-files.js";
import { CurrentSchemaPostgresDialect } from "./current-schema-introspector.js";
import type { DB } from "./schema.js";

export type Dialect = DatabaseConfig["dialect"];

/** A connected database: the Kysely handle plus what the rest of the app needs to know about it. */
export type Database = {
  dialect: Dialect;
  db: Kysely<DB>;
  close(): Promise<void>;
};

export type OpenDatabaseOptions = {
  /** PostgreSQL only: run every connection in this schema (tests isolate runs this way). */
  schema?: string;
  /** PostgreSQL only: pool size. */
  maxConnections?: number;
};

/** Opens the database named by the configuration: SQLite by default, PostgreSQL when configured. */
export function openDatabase(config: DatabaseConfig, options: OpenDatabaseOptions = {}): Database {
  return config.dialect === "sqlite" ? openSqlite(config.file) : openPostgres(config.connectionString, options);
}

function openSqlite(file: string): Database {
  if (file !== ":memory:") {
    // SQLite would create the file 0644 less the umask; its -wal and -shm take the database
    // file's mode. Created 0600 here, and earlier files tightened (decision 030).
    fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
    touchPrivateFile(file);
    for (const companion of [`${file}-wal`, `${file}-shm`]) makeFilePrivate(companion);
  }
  const connection = new BetterSqlite3(file);
  // WAL lets readers run beside the single writer; synchronous=FULL makes every
  // acknowledged commit survive power loss; busy_timeout makes a second process wait
  // for the write lock instead of failing at once.
  connection.pragma("journal_mode = WAL");
  connection.pragma("synchronous = FULL");
  connection.pragma("foreign_keys = ON");
  connection.pragma("busy_timeout = 5000");
  // Deleted rows are overwritten with zeros, not left in free space where a copy of the file (or
  // a look at it with no SQL at all) would still find them (decision 030).
  connection.pragma("secure_delete = ON");
  const db = new Kysely<DB>({ dialect: new SqliteDialect({ database: withStatementCache(connection) }) });
  return { dialect: "sqlite", db, close: () => db.destroy() };
}

const statementCacheSize = 256;

/**
 * Kysely prepares every query anew; preparing costs more than running a small indexed
 * query. Kysely emits the same SQL text for the same query shape, so prepared statements
 * are kept by text (bounded, least recently used first out). Safe because better-sqlite3
 * runs each statement to completion synchronously before the next use.
 */
function withStatementCache(connection: BetterSqlite3.Database): BetterSqlite3.Database {
  const cache = new Map<string, BetterSqlite3.Statement>();
  const prepare = connection.prepare.bind(connection);
  return new Proxy(connection, {
    get(target, property, receiver) {
      if (property !== "prepare") return Reflect.get(target, property, receiver) as unknown;
      return (source: string) => {
        let statement = cache.get(source);
        if (statement) {
          cache.delete(source);
        } else {
          statement = prepare(source);
          if (cache.size >= statementCacheSize) cache.delete(cache.keys().next().value as string);
        }
        cache.set(source, statement);
        return statement;
      };
    },
  });
}

function openPostgres(connectionString: string, options: OpenDatabaseOptions): Database {
  const pool = new pg.Pool({
    connectionString: withDefaultUser(connectionString),
    max: options.maxConnections ?? 10,
    ...(options.schema ? { options: `-c search_path=${options.schema}` } : {}),
  });
  const db = new Kysely<DB>({ dialect: new CurrentSchemaPostgresDialect({ pool }) });
  return { dialect: "postgres", db, close: () => db.destroy() };
}

/**
 * libpq falls back to the OS user when the URL names none; node-postgres reads $USER
 * instead, which service managers and CI often leave unset. Fill it in the libpq way.
 */
export function withDefaultUser(connectionString: string): string {
  const url = new URL(connectionString);
  if (url.username) return connectionString;
  url.username = encodeURIComponent(process.env.PGUSER ?? os.userInfo().username);
  return url.toString();
}

/** Round-trips a trivial query; throws when the database cannot be reached. */
export async function pingDatabase(database: Database): Promise<void> {
  await sql`select 1`.execute(database.db);
}

/**
 * After a deletion that must hold on disk (an account): on SQLite, copies the WAL into the
 * database file, where secure_delete has zeroed the deleted rows, and truncates the WAL, whose
 * earlier frames still hold them. Returns false when a reader kept the WAL from being emptied
 * (it is emptied by the next one). PostgreSQL keeps dead row versions and WAL itself: see
 * docs/privacy.md, "Deletion on disk".
 */
export async function truncateWriteAheadLog(database: Database): Promise<boolean> {
  if (database.dialect !== "sqlite") return true;
  const { rows } = await sql<{ busy: number }>`pragma wal_checkpoint(truncate)`.execute(database.db);
  return rows[0]?.busy === 0;
}
