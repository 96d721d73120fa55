import { type Kysely, PostgresAdapter } from "kysely";

/**
 * Tells a migration which dialect it runs on. Migrations receive only Kysely<any> and
 * must not import app code, so they ask the adapter rather than the app's config.
 */
export async function dialectOf(db: Kysely<any>): Promise<"sqlite" | "postgres"> {
  return db.getExecutor().adapter instanceof PostgresAdapter ? "postgres" : "sqlite";
}
