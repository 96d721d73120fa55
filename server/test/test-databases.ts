import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { SqliteDatabase } from "../src/db/sqlite-driver.js";
import { Kysely, SqliteDialect } from "kysely";
import pg from "pg";
import { inject } from "vitest";
import type { DB } from "../src/db/schema.js";
import { openDatabase, withDefaultUser, type Database, type Dialect } from "../src/db/database.js";
import { StorageHealth } from "../src/db/storage-health.js";

/** Both dialects, always: CI fails when PostgreSQL is missing rather than skipping it. */
export const dialects: readonly Dialect[] = ["sqlite", "postgres"];

export const testPostgresUrl = process.env.TEST_DATABASE_URL ?? "postgres://localhost/test";

export type TestDatabase = {
  database: Database;
  /** The DATABASE_URL a separate server process would use for this same database. */
  url: string;
  /** How to open the same database again (a second instance, a restart). */
  reopen(): Database;
  destroy(): Promise<void>;
};

/**
 * A fresh, empty database for one test file. SQLite: a file in a new temp folder.
 * PostgreSQL: a new schema in the test database, so parallel runs never collide; the
 * schema outlives the file and is dropped when the run ends.
 */
export async function createTestDatabase(dialect: Dialect): Promise<TestDatabase> {
  const suffix = randomBytes(6).toString("hex");
  if (dialect === "sqlite") {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "mutual-test-"));
    const file = path.join(dir, "test.sqlite");
    const open = () => openDatabase({ dialect: "sqlite", file });
    const database = open();
    return {
      database,
      url: `file:${file}`,
      reopen: open,
      async destroy() {
        await database.close();
        fs.rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  // Named after the run; the run's global teardown drops it (see global-setup.ts).
  const schema = `test_${inject("testRunId")}_${suffix}`;
  await withAdminClient((client) => client.query(`create schema "${schema}"`));
  // No time bound: a loaded test machine must not turn a slow migration lock into a failure.
  // The bounds are proved where they matter, on the real process (scripts/faults).
  const open = () => openDatabase({ dialect: "postgres", connectionString: testPostgresUrl }, { schema, maxConnections: 4, timeoutMs: 0 });
  const database = open();
  const url = new URL(testPostgresUrl);
  url.searchParams.set("options", `-c search_path=${schema}`);
  return {
    database,
    url: url.toString(),
    reopen: open,
    async destroy() {
      await database.close();
    },
  };
}

/**
 * A database handle that cannot reach its database: SQLite with its connection already
 * closed; PostgreSQL pointed at a port where nothing listens.
 */
export function openUnreachableDatabase(dialect: Dialect): Database {
  if (dialect === "postgres") return openDatabase({ dialect: "postgres", connectionString: "postgres://localhost:9/none" });
  const connection = new SqliteDatabase(":memory:");
  connection.close();
  const db = new Kysely<DB>({ dialect: new SqliteDialect({ database: connection }) });
  return { dialect: "sqlite", db, health: new StorageHealth(), close: () => db.destroy() };
}

async function withAdminClient<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: withDefaultUser(testPostgresUrl) });
  try {
    await client.connect();
  } catch (error) {
    throw new Error(`PostgreSQL is required for the integration tests and did not answer at ${testPostgresUrl} (set TEST_DATABASE_URL). ${String(error)}`, {
      cause: error,
    });
  }
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}
