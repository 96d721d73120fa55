import fs from "node:fs";
import { randomBytes } from "node:crypto";
import { sql } from "kysely";
import { describe, expect, it } from "vitest";
import { createTestDatabase } from "../../../test/test-databases.js";
import { migrateToLatest } from "../../db/migrate.js";
import { destroyDataKeyBeforeAccountDeletion } from "./index.js";

// The wrapped data key is overwritten before its row is deleted (decision 030): even where the
// database's own zeroing of deleted rows is off (another tool opening the file, an older server),
// the page the key lived on keeps other bytes, not the key.
describe("[sqlite] destroying a data key", () => {
  it("leaves the wrapped key nowhere in the database file, even with secure_delete off", async () => {
    const test = await createTestDatabase("sqlite");
    try {
      const { db } = test.database;
      await migrateToLatest(test.database);
      await sql`pragma secure_delete = off`.execute(db);
      const now = new Date().toISOString();
      await db
        .insertInto("user")
        .values({ id: "keyholder", name: "Keyholder", email: "keyholder@example.test", emailVerified: 1, image: null, createdAt: now, updatedAt: now })
        .execute();
      const wrappedKey = randomBytes(60).toString("base64url");
      await db.insertInto("data_key").values({ user_id: "keyholder", key_id: "k1", wrapped_key: wrappedKey, created_at: Date.now() }).execute();
      await sql`pragma wal_checkpoint(truncate)`.execute(db);
      const file = test.url.replace(/^file:/, "");
      expect(fs.readFileSync(file).includes(wrappedKey)).toBe(true);

      await destroyDataKeyBeforeAccountDeletion(db, "keyholder");
      await sql`pragma wal_checkpoint(truncate)`.execute(db);
      expect(await db.selectFrom("data_key").selectAll().execute()).toEqual([]);
      expect(fs.readFileSync(file).includes(wrappedKey)).toBe(false);
    } finally {
      await test.destroy();
    }
  });
});
