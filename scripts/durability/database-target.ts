// Where one dialect's run keeps its data, and a direct connection to look at it (never through
// the server): SQLite in a fresh temp DATA_DIR; PostgreSQL in a fresh schema of the test database,
// named by the server's DATABASE_URL (`options=-c search_path=…`, as the integration tests do).
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { SqliteDatabase } from "../../server/src/db/sqlite-driver.js";
import pg from "pg";
import { withDefaultUser } from "../../server/src/db/database.js";
import { vapidEnv } from "../../server/src/platform/web-push.js";
import type { DialectName } from "./options.js";

/** A read-only look at the database. SQL uses `?` placeholders on both dialects. */
export type Inspector = {
  all<T extends Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
  /** The engine's own integrity checks; an empty list means all passed. */
  integrityProblems(): Promise<string[]>;
  close(): Promise<void>;
};

export type DatabaseTarget = {
  dialect: DialectName;
  /** DATA_DIR (and DATABASE_URL on PostgreSQL) for the server. */
  serverEnv: Record<string, string>;
  openInspector(): Promise<Inspector>;
  destroy(): Promise<void>;
};

export async function createTarget(dialect: DialectName, postgresUrl: string): Promise<DatabaseTarget> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `mutual-durability-${dialect}-`));
  const removeDataDir = () => fs.rmSync(dataDir, { recursive: true, force: true });
  if (dialect === "sqlite") {
    const file = path.join(dataDir, "mutual.sqlite");
    return { dialect, serverEnv: { DATA_DIR: dataDir }, openInspector: async () => openSqliteInspector(file), destroy: async () => removeDataDir() };
  }
  const schema = `durability_${Math.floor(Date.now() / 1000).toString(36)}_${randomBytes(4).toString("hex")}`;
  try {
    await withAdminClient(postgresUrl, async (client) => {
      await dropStaleSchemas(client);
      await client.query(`create schema "${schema}"`);
    });
  } catch (error) {
    removeDataDir();
    // Missing PostgreSQL fails the run: a durability proof that silently covers one dialect proves less than it says.
    throw new Error(
      `PostgreSQL at ${postgresUrl} is not usable (${error instanceof Error ? error.message : String(error)}). Start it (scripts/ensure-test-services.sh) or set TEST_DATABASE_URL.`,
      { cause: error },
    );
  }
  const url = new URL(postgresUrl);
  url.searchParams.set("options", `-c search_path=${schema}`);
  return {
    dialect,
    // On PostgreSQL the secrets are given, never made by a server (decision 028).
    serverEnv: {
      DATA_DIR: dataDir,
      DATABASE_URL: url.toString(),
      AUTH_SECRET: randomBytes(48).toString("base64"),
      ENCRYPTION_KEY: randomBytes(32).toString("base64"),
      ...vapidEnv(),
    },
    openInspector: async () => openPostgresInspector(postgresUrl, schema),
    async destroy() {
      removeDataDir();
      await withAdminClient(postgresUrl, (client) => client.query(`drop schema if exists "${schema}" cascade`));
    },
  };
}

async function withAdminClient<T>(postgresUrl: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: withDefaultUser(postgresUrl) });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Schemas of runs killed before their clean-up (older than six hours, so never a running one). */
async function dropStaleSchemas(client: pg.Client): Promise<void> {
  const cutoff = Math.floor(Date.now() / 1000) - 6 * 60 * 60;
  const { rows } = await client.query<{ nspname: string }>("select nspname from pg_namespace where nspname like 'durability\\_%'");
  for (const { nspname } of rows) {
    const started = /^durability_([0-9a-z]+)_[0-9a-f]{8}$/.exec(nspname)?.[1];
    if (started !== undefined && parseInt(started, 36) < cutoff) await client.query(`drop schema if exists "${nspname}" cascade`);
  }
}

/** A look at an SQLite database file of a server this run started itself. */
export function openSqliteInspectorAt(file: string): Inspector {
  return openSqliteInspector(file);
}

function openSqliteInspector(file: string): Inspector {
  // Opening after a SIGKILL replays the write-ahead log, exactly as the restarted server would.
  const connection = new SqliteDatabase(file);
  connection.pragma("busy_timeout = 5000");
  return {
    all: async <T>(sql: string, params: unknown[] = []) => connection.prepare(sql).all(...params) as T[],
    async integrityProblems() {
      const problems: string[] = [];
      const integrity = connection.pragma("integrity_check") as Array<{ integrity_check: string }>;
      if (integrity.length !== 1 || integrity[0]?.integrity_check !== "ok")
        problems.push(`PRAGMA integrity_check: ${integrity.map((row) => row.integrity_check).join("; ")}`);
      const foreignKeys = connection.pragma("foreign_key_check") as Array<{ table: string; rowid: number; parent: string }>;
      for (const row of foreignKeys) problems.push(`PRAGMA foreign_key_check: ${row.table} row ${row.rowid} points at a missing ${row.parent}`);
      const journal = connection.pragma("journal_mode", { simple: true });
      if (journal !== "wal") problems.push(`journal_mode is ${String(journal)}, not wal`);
      return problems;
    },
    close: async () => void connection.close(),
  };
}

const toPgPlaceholders = (sql: string) => {
  let index = 0;
  return sql.replace(/\?/g, () => `$${(index += 1)}`);
};

async function openPostgresInspector(postgresUrl: string, schema: string): Promise<Inspector> {
  const client = new pg.Client({ connectionString: withDefaultUser(postgresUrl), options: `-c search_path=${schema}` });
  await client.connect();
  const all = async <T extends Record<string, unknown>>(sql: string, params: unknown[] = []) => (await client.query<T>(toPgPlaceholders(sql), params)).rows;
  return {
    all,
    integrityProblems: () => postgresIntegrityProblems(all, schema),
    close: () => client.end(),
  };
}

type Query = <T extends Record<string, unknown>>(sql: string, params?: unknown[]) => Promise<T[]>;

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

/**
 * PostgreSQL's counterpart of SQLite's two pragmas, over every table of the run's schema: no
 * constraint or index left invalid; every foreign key's rows have their parent (checked by query,
 * not trusted to the constraint); no two rows share the key of any unique index (checked by
 * grouping, so an index that lies would show).
 */
async function postgresIntegrityProblems(all: Query, schema: string): Promise<string[]> {
  const problems: string[] = [];
  const unvalidated = await all<{ conname: string }>(
    "select c.conname from pg_constraint c join pg_namespace n on n.oid = c.connamespace where n.nspname = ? and not c.convalidated",
    [schema],
  );
  for (const row of unvalidated) problems.push(`constraint ${row.conname} is not validated`);
  const invalidIndexes = await all<{ name: string }>(
    "select i.indexrelid::regclass::text as name from pg_index i join pg_class t on t.oid = i.indrelid join pg_namespace n on n.oid = t.relnamespace where n.nspname = ? and (not i.indisvalid or not i.indisready)",
    [schema],
  );
  for (const row of invalidIndexes) problems.push(`index ${row.name} is not valid`);

  const columnsOf = (relation: string, numbers: string) =>
    `array(select a.attname::text from unnest(${numbers}) with ordinality k(num, ord) join pg_attribute a on a.attrelid = ${relation} and a.attnum = k.num order by k.ord)`;
  const foreignKeys = await all<{ conname: string; child: string; parent: string; child_columns: string[]; parent_columns: string[] }>(
    `select c.conname, c.conrelid::regclass::text as child, c.confrelid::regclass::text as parent,
       ${columnsOf("c.conrelid", "c.conkey")} as child_columns, ${columnsOf("c.confrelid", "c.confkey")} as parent_columns
     from pg_constraint c join pg_namespace n on n.oid = c.connamespace where c.contype = 'f' and n.nspname = ?`,
    [schema],
  );
  for (const key of foreignKeys) {
    const present = key.child_columns.map((column) => `c.${quote(column)} is not null`).join(" and ");
    const matches = key.child_columns.map((column, index) => `p.${quote(key.parent_columns[index] ?? "")} = c.${quote(column)}`).join(" and ");
    const [orphans] = await all<{ count: string }>(
      `select count(*) as count from ${key.child} c where ${present} and not exists (select 1 from ${key.parent} p where ${matches})`,
    );
    if (Number(orphans?.count) > 0) problems.push(`foreign key ${key.conname}: ${orphans?.count} row(s) of ${key.child} point at a missing ${key.parent}`);
  }

  const uniqueIndexes = await all<{ name: string; table_name: string; columns: string[] }>(
    `select i.indexrelid::regclass::text as name, i.indrelid::regclass::text as table_name, ${columnsOf("i.indrelid", "i.indkey::int2[]")} as columns
     from pg_index i join pg_class t on t.oid = i.indrelid join pg_namespace n on n.oid = t.relnamespace
     where n.nspname = ? and i.indisunique and i.indpred is null and i.indexprs is null`,
    [schema],
  );
  for (const index of uniqueIndexes) {
    const columns = index.columns.map(quote).join(", ");
    const duplicates = await all(`select ${columns} from ${index.table_name} group by ${columns} having count(*) > 1 limit 1`);
    if (duplicates.length > 0) problems.push(`unique index ${index.name}: two rows share ${JSON.stringify(duplicates[0])}`);
  }
  if (foreignKeys.length === 0 || uniqueIndexes.length === 0) problems.push("found no foreign keys or no unique indexes to check: the schema query is wrong");
  return problems;
}
