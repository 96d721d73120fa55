import { getMigrations } from "better-auth/db/migration";
import { describe, expect, it } from "vitest";
import { migrateToLatest } from "../db/migrate.js";
import { createAuthPlugins } from "./practice-plugins.js";
import { createTestDatabase, dialects } from "../../test/test-databases.js";

// Better Auth's tables are created by our own migrations; this checks they match what
// Better Auth itself would create for the options we use.
describe.each(dialects)("[%s] auth schema", (dialect) => {
  it("our migrations create every table and column Better Auth expects with our plugins (its generator finds nothing to add)", async () => {
    const test = await createTestDatabase(dialect);
    try {
      await migrateToLatest(test.database);
      const pending = await getMigrations({
        database: { db: test.database.db, type: dialect },
        emailAndPassword: { enabled: true },
        rateLimit: { enabled: true, storage: "database" },
        secret: "x".repeat(40),
        telemetry: { enabled: false },
        // Practices (organization) and two-factor sign-in add tables and columns of their own.
        plugins: Object.values(
          createAuthPlugins({
            publicUrl: "http://localhost:3000",
            mailer: { send: async () => undefined, close: () => undefined },
            secret: "schema-test-secret-long-enough-0123456789",
          }),
        ),
      });
      expect(pending.toBeCreated.map((table) => table.table)).toEqual([]);
      expect(pending.toBeAdded.map((table) => `${table.table}: ${Object.keys(table.fields).join(", ")}`)).toEqual([]);
    } finally {
      await test.destroy();
    }
  });
});
