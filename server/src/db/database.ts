import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type BetterSqlite3 from "better-sqlite3";
import { SqliteDatabase } from "./sqlite-driver.js";
import { Kysely, SqliteDialect, sql } from "kysely";
import pg from "pg";
import type { DatabaseConfig } from "../config.js";
import { makeFilePrivate, touchPrivateFile } from "../platform/private-files.js";
import { CurrentSchemaPostgresDialect } from "./current-schema-introspector.js";
import { StorageHealth, storageProblemOf } from "./storage-health.js";
import type { DB } from "./schema.js";

export type Dialect = DatabaseConfig["dialect"];

/** A connected database: the Kysely handle plus what the rest of the app needs to know about it. */
export type Database = {
  dialect: Dialect;
  db: Kysely<DB>;
  /** Outages seen in real queries (unreachable, full, busy): for 503s and /readyz (decision 027). */
  health: StorageHealth;
  close(): Promise<void>;
};

export type OpenDatabaseOptions = {
  /** PostgreSQL only: run every connection in this schema (tests isolate runs this way). */
  schema?: string;
  /** PostgreSQL only: pool size. */
  maxConnections?: number;
  /**
   * PostgreSQL only: the longest the server waits for a connection or for one statement's
   * answer before it gives up with a 503 (decision 027). 0 waits as long as it takes: for
   * migrations and operator commands, whose statements may rightly run for minutes.
   */
  timeoutMs?: number;
  /** Told about every connection-level error the pool survived (a database restart, a reset). */
  onConnectionError?: (error: Error) => void;
};

/** The default bound on one wait for PostgreSQL (DATABASE_TIMEOUT_MS): a connection and a statement stay under the 5 s an answer may take. */
export const defaultDatabaseTimeoutMs = 2500;

/** Opens the database named by the configuration: SQLite by default, PostgreSQL when configured. */
export function openDatabase(config: DatabaseConfig, options: OpenDatabaseOptions = {}): Database {
  return config.dialect === "sqlite" ? openSqlite(config.file) : openPostgres(withDefaultUser(config.connectionString, config.user), options);
}

function openSqlite(file: string): Database {
  if (file !== ":memory:") {
    // SQLite would create the file 0644 less the umask; its -wal and -shm take the database
    // file's mode. Created 0600 here, and earlier files tightened (decision 030).
    fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
    touchPrivateFile(file);
    for (const companion of [`${file}-wal`, `${file}-shm`]) makeFilePrivate(companion);
  }
  const connection = new SqliteDatabase(file);
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
  const health = new StorageHealth();
  const db = new Kysely<DB>({ dialect: new SqliteDialect({ database: withStatementCache(connection, health) }) });
  return { dialect: "sqlite", db, health, close: () => db.destroy() };
}

const statementCacheSize = 256;

/**
 * Kysely prepares every query anew; preparing costs more than running a small indexed
 * query. Kysely emits the same SQL text for the same query shape, so prepared statements
 * are kept by text (bounded, least recently used first out). Safe because better-sqlite3
 * runs each statement to completion synchronously before the next use.
 *
 * Each statement also reports to `health`: a failure (a full disk, a locked file) and a write
 * that committed. And a ROLLBACK after SQLite has already rolled back by itself (it does on
 * SQLITE_FULL and some I/O errors) does nothing: Kysely would otherwise throw "cannot rollback -
 * no transaction is active" in place of the error that mattered.
 */
function withStatementCache(connection: BetterSqlite3.Database, health: StorageHealth): BetterSqlite3.Database {
  const cache = new Map<string, BetterSqlite3.Statement>();
  const prepare = connection.prepare.bind(connection);
  const rollbackWithoutTransaction = { reader: false, run: () => ({ changes: 0, lastInsertRowid: 0 }) };
  return new Proxy(connection, {
    get(target, property, receiver) {
      if (property !== "prepare") return Reflect.get(target, property, receiver) as unknown;
      return (source: string) => {
        if (source === "rollback" && !connection.inTransaction) return rollbackWithoutTransaction;
        let statement = cache.get(source);
        if (statement) {
          cache.delete(source);
        } else {
          statement = reportingTo(health, connection, prepare(source), isWriteOrCommit(source));
          if (cache.size >= statementCacheSize) cache.delete(cache.keys().next().value as string);
        }
        cache.set(source, statement);
        return statement;
      };
    },
  });
}

/** A statement whose success, outside a transaction, means a write reached the disk. */
function isWriteOrCommit(source: string): boolean {
  return /^\s*(commit|insert|update|delete|replace)\b/i.test(source);
}

function reportingTo(health: StorageHealth, connection: BetterSqlite3.Database, statement: BetterSqlite3.Statement, writes: boolean): BetterSqlite3.Statement {
  const watched =
    <A extends unknown[], R>(method: (...args: A) => R) =>
    (...args: A): R => {
      try {
        const result = method(...args);
        if (writes && !connection.inTransaction) health.noteWriteWorked();
        return result;
      } catch (error) {
        health.noteError(error);
        throw error;
      }
    };
  return new Proxy(statement, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver) as unknown;
      if (property === "run" || property === "all" || property === "get" || property === "iterate") {
        return watched((value as (...args: unknown[]) => unknown).bind(target));
      }
      return value;
    },
  });
}

function openPostgres(connectionString: string, options: OpenDatabaseOptions): Database {
  const timeoutMs = options.timeoutMs ?? defaultDatabaseTimeoutMs;
  const health = new StorageHealth();
  const onConnectionError = options.onConnectionError ?? (() => undefined);
  const pool = new pg.Pool({
    connectionString,
    max: options.maxConnections ?? 10,
    // A connection dropped by a firewall or a failover is noticed by the kernel, not left open for hours.
    keepAlive: true,
    ...(timeoutMs > 0
      ? {
          // A little less for the connection, so a wait for one and a statement on it stay
          // under the 5 s an answer may take (decision 027).
          connectionTimeoutMillis: Math.round(timeoutMs * 0.8),
          // The client stops waiting (a partition) and the server stops working (a runaway
          // statement) at the same bound; a transaction left open by a stalled client ends too.
          query_timeout: timeoutMs,
          statement_timeout: timeoutMs,
          idle_in_transaction_session_timeout: 4 * timeoutMs,
        }
      : {}),
    ...(options.schema ? { options: `-c search_path=${options.schema}` } : {}),
  });
  // A connection the database ends while it sits idle (a restart, a failover, an idle timeout,
  // pg_terminate_backend) is an 'error' event on the pool: without a listener Node ends the
  // process. The pool drops that connection by itself; the next request gets a new one.
  pool.on("error", (error) => {
    health.noteError(error);
    onConnectionError(error);
  });
  // The same event on a connection that is checked out between two statements; after it the
  // connection is not queryable, and the pool drops it when it is released.
  pool.on("connect", (client) => {
    client.on("error", (error) => {
      health.noteError(error);
      onConnectionError(error);
    });
  });
  const db = new Kysely<DB>({ dialect: new CurrentSchemaPostgresDialect({ pool: reportingPool(pool, health) }) });
  return { dialect: "postgres", db, health, close: () => db.destroy() };
}

type PoolClient = pg.PoolClient;

/**
 * The pool as Kysely sees it, reporting every failed query to `health` and every committed
 * write as a sign the outage is over. A connection whose statement timed out is still waiting
 * for that statement's answer (node-postgres only stops listening): it is destroyed when
 * released, never handed to the next request.
 */
function reportingPool(pool: pg.Pool, health: StorageHealth) {
  return {
    async connect(): Promise<PoolClient> {
      let client: PoolClient;
      try {
        client = await pool.connect();
      } catch (error) {
        health.noteError(error);
        throw error;
      }
      let broken: Error | undefined;
      let inTransaction = false;
      const query = async (text: string, values?: unknown[]) => {
        // Once broken, the connection answers nothing more: a ROLLBACK sent after a timed-out
        // statement would wait out the bound a second time.
        if (broken) throw broken;
        try {
          const result = await client.query(text, values);
          const verb = /^\s*(\w+)/.exec(text)?.[1]?.toLowerCase();
          if (verb === "begin" || verb === "start") inTransaction = true;
          else if (verb === "rollback") inTransaction = false;
          else if (verb === "commit" || (!inTransaction && (verb === "insert" || verb === "update" || verb === "delete"))) {
            inTransaction = false;
            health.noteWriteWorked();
          }
          return result;
        } catch (error) {
          health.noteError(error);
          if (storageProblemOf(error) !== null) broken ??= error as Error;
          throw error;
        }
      };
      return Object.assign(Object.create(client) as PoolClient, {
        query,
        release: () => client.release(broken),
      });
    },
    end: () => pool.end(),
  };
}

/**
 * libpq falls back to the OS user when the URL names none; node-postgres reads $USER instead,
 * which service managers and CI often leave unset. Fill it in the libpq way: `user` when given
 * (config.ts passes PGUSER), otherwise the OS user.
 */
export function withDefaultUser(connectionString: string, user: string = os.userInfo().username): string {
  const url = new URL(connectionString);
  if (url.username) return connectionString;
  url.username = encodeURIComponent(user);
  return url.toString();
}

/** A boolean as each dialect stores it: SQLite has no boolean type and keeps 0 or 1 (schema.ts). */
export function storedBoolean(dialect: Dialect, value: boolean): boolean | number {
  return dialect === "sqlite" ? (value ? 1 : 0) : value;
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
