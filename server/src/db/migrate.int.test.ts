import { describe, expect, it } from "vitest";
import { createTestDatabase, dialects } from "../../test/test-databases.js";
import { migrateToLatest } from "./migrate.js";
import { migrations } from "./migrations/index.js";

describe.each(dialects)("[%s] migrations", (dialect) => {
  it("apply once when several instances start at the same moment", async () => {
    const test = await createTestDatabase(dialect);
    const instances = [test.database, test.reopen(), test.reopen()];
    try {
      const results = await Promise.all(instances.map((instance) => migrateToLatest(instance)));
      const appliedPerInstance = results.map((result) => result.results?.filter((entry) => entry.status === "Success").length ?? 0);
      // Exactly one instance ran each migration; the others found nothing to do.
      expect(appliedPerInstance.reduce((sum, count) => sum + count, 0)).toBe(Object.keys(migrations).length);
      const recorded = await test.database.db
        .selectFrom("kysely_migration" as never)
        .select("name" as never)
        .execute();
      expect(recorded).toHaveLength(Object.keys(migrations).length);
    } finally {
      for (const instance of instances.slice(1)) await instance.close();
      await test.destroy();
    }
  });

  it("can be rolled back to nothing and applied again", async () => {
    const test = await createTestDatabase(dialect);
    try {
      await migrateToLatest(test.database);
      const { Migrator } = await import("kysely");
      const migrator = new Migrator({ db: test.database.db, provider: { getMigrations: async () => migrations } });
      const { NO_MIGRATIONS } = await import("kysely");
      const down = await migrator.migrateTo(NO_MIGRATIONS);
      expect(down.error).toBeUndefined();
      const again = await migrateToLatest(test.database);
      expect(again.results?.every((entry) => entry.status === "Success")).toBe(true);
    } finally {
      await test.destroy();
    }
  });
});
