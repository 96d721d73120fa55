import { Migrator, sql, type MigrationResultSet } from "kysely";
import type { Database } from "./database.js";
import { migrations } from "./migrations/index.js";

async function createMigrator(database: Database): Promise<Migrator> {
  // Kysely looks for its bookkeeping tables across every schema it can see; pin it to the
  // schema we actually run in, or a neighbouring schema's table would be mistaken for ours.
  const schema =
    database.dialect === "postgres" ? (await sql<{ schema: string }>`select current_schema() as schema`.execute(database.db)).rows[0]?.schema : undefined;
  return new Migrator({
    db: database.db,
    provider: { getMigrations: async () => migrations },
    ...(schema ? { migrationTableSchema: schema } : {}),
  });
}

const maxAttempts = 20;

/**
 * Brings the schema to the latest migration. Safe when several instances start at once:
 * on PostgreSQL Kysely holds an advisory lock for the whole run; on SQLite we take the
 * database's write lock first (BEGIN IMMEDIATE waits out another migrating process), so
 * the second instance reads the history only after the first has written it.
 */
export async function migrateToLatest(database: Database): Promise<MigrationResultSet> {
  const migrator = await createMigrator(database);
  if (database.dialect === "postgres") {
    const result = await migrator.migrateToLatest();
    if (result.error) throw result.error;
    return result;
  }
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await migrateSqliteExclusively(database, migrator);
    } catch (error) {
      if (!isSqliteBusy(error) || attempt >= maxAttempts) throw error;
      await new Promise((resolve) => setTimeout(resolve, 50 * attempt));
    }
  }
}

async function migrateSqliteExclusively(database: Database, migrator: Migrator): Promise<MigrationResultSet> {
  // Kysely runs SQLite migrations outside a transaction (it assumes no transactional
  // DDL); SQLite does support it, so the whole run is one transaction of ours.
  await sql`begin immediate`.execute(database.db);
  let committed = false;
  try {
    const result = await migrator.migrateToLatest();
    if (result.error) throw result.error;
    await sql`commit`.execute(database.db);
    committed = true;
    return result;
  } finally {
    if (!committed) await sql`rollback`.execute(database.db).catch(() => undefined);
  }
}

/** True when some known migration has not been applied (the readiness probe asks this). */
export async function hasPendingMigrations(database: Database): Promise<boolean> {
  const known = await (await createMigrator(database)).getMigrations();
  return known.some((migration) => migration.executedAt === undefined);
}

function isSqliteBusy(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === "string" && code.startsWith("SQLITE_BUSY");
}
