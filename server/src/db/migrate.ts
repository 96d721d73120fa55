import { Migrator, type MigrationResultSet } from "kysely";
import type { Database } from "./database.js";
import { migrations } from "./migrations/index.js";

function createMigrator(database: Database): Migrator {
  return new Migrator({
    db: database.db,
    provider: { getMigrations: async () => migrations },
  });
}

const maxAttempts = 20;

/**
 * Brings the schema to the latest migration. Safe when several instances start at once:
 * on PostgreSQL Kysely holds an advisory lock for the whole run; on SQLite a second
 * process that loses the race for the write lock retries, then finds nothing to do.
 */
export async function migrateToLatest(database: Database): Promise<MigrationResultSet> {
  const migrator = createMigrator(database);
  for (let attempt = 1; ; attempt += 1) {
    const result = await migrator.migrateToLatest();
    if (!result.error) return result;
    if (!isSqliteBusy(result.error) || attempt >= maxAttempts) throw result.error;
    await new Promise((resolve) => setTimeout(resolve, 50 * attempt));
  }
}

/** True when every known migration has been applied (the readiness probe asks this). */
export async function hasPendingMigrations(database: Database): Promise<boolean> {
  const known = await createMigrator(database).getMigrations();
  return known.some((migration) => migration.executedAt === undefined);
}

function isSqliteBusy(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === "string" && code.startsWith("SQLITE_BUSY");
}
