// A fingerprint of everything the database holds, to prove a rejected request changed nothing:
// per table, the row count and a hash of its rows (sorted, so row order does not matter).
import { createHash } from "node:crypto";
import { sql } from "kysely";
import type { Database } from "../../src/db/database.js";

/**
 * Tables whose rows change on requests the app rightly rejects, so they are left out:
 * - rateLimit: Better Auth counts every request to its limited paths, rejected ones included.
 * - sign_in_failure: a refused sign-in is recorded, that is how the sign-in throttle works.
 * - invite_attempt_failure: a refused partner or client code is recorded, so guessing codes is throttled.
 * - kysely_migration, kysely_migration_lock: the migrator's own bookkeeping, never touched by requests.
 */
export const excludedTables = ["rateLimit", "sign_in_failure", "invite_attempt_failure", "kysely_migration", "kysely_migration_lock"] as const;

/**
 * Columns that change on any request, left out of their table's hash (the rest of the row is kept):
 * - session.updatedAt, session.expiresAt: Better Auth slides a session's expiry forward when it is used.
 * - twoFactor.failedVerificationCount, twoFactor.lockedUntil: a wrong second-step code counts towards a lockout.
 */
export const excludedColumns: Readonly<Record<string, readonly string[]>> = {
  session: ["updatedAt", "expiresAt"],
  twoFactor: ["failedVerificationCount", "lockedUntil"],
};

export type Snapshot = Map<string, { rows: number; hash: string }>;

/** The tables of this database only (a PostgreSQL test database holds other runs' schemas too). */
async function tableNames(database: Database): Promise<string[]> {
  const query =
    database.dialect === "sqlite"
      ? sql<{ name: string }>`select name from sqlite_master where type = 'table' and name not like 'sqlite_%'`
      : sql<{ name: string }>`select table_name as name from information_schema.tables where table_schema = current_schema() and table_type = 'BASE TABLE'`;
  return (await query.execute(database.db)).rows.map((row) => row.name);
}

export async function snapshotDatabase(database: Database): Promise<Snapshot> {
  const tables = (await tableNames(database)).filter((name) => !(excludedTables as readonly string[]).includes(name)).sort();
  const snapshot: Snapshot = new Map();
  for (const table of tables) {
    const result = await sql<Record<string, unknown>>`select * from ${sql.table(table)}`.execute(database.db);
    const skip = excludedColumns[table] ?? [];
    const lines = result.rows
      .map((row) =>
        JSON.stringify(
          Object.keys(row)
            .sort()
            .filter((key) => !skip.includes(key))
            .map((key) => [key, String(row[key])]),
        ),
      )
      .sort();
    snapshot.set(table, { rows: lines.length, hash: createHash("sha256").update(lines.join("\n")).digest("hex") });
  }
  return snapshot;
}

/** The tables that differ ("table: 3 rows → 4 rows" or "table: rows changed"), [] when none. */
export function diffSnapshots(before: Snapshot, after: Snapshot): string[] {
  const names = new Set([...before.keys(), ...after.keys()]);
  const changes: string[] = [];
  for (const name of [...names].sort()) {
    const was = before.get(name);
    const now = after.get(name);
    if (was?.rows !== now?.rows) changes.push(`${name}: ${was?.rows ?? "no table"} rows → ${now?.rows ?? "no table"} rows`);
    else if (was?.hash !== now?.hash) changes.push(`${name}: rows changed`);
  }
  return changes;
}
