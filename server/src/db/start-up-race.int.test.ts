import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "kysely";
import { describe, expect, it } from "vitest";
import { startServer, stopServer, get, type RunningServer } from "../../test/server-process.js";
import { createTestDatabase, type TestDatabase } from "../../test/test-databases.js";
import type { Database } from "./database.js";
import { migrateToLatest } from "./migrate.js";
import { migrations } from "./migrations/index.js";
import { vapidEnv } from "../platform/web-push.js";

// Issue 22 / decision 026: start-up on PostgreSQL failed now and then with `relation
// "<schema>.account" does not exist`. The migrator looked for its bookkeeping tables by
// introspecting every schema in the database, resolving each table by name, so a table
// dropped elsewhere during that query failed our start-up. Here a neighbour on the same
// database creates and drops tables without pause (another application, another Mutual
// schema migrated down, a neighbouring test) while many instances start at once, each on its
// own fresh schema and several on one shared fresh schema.

/** Another tenant of the database doing DDL without pause until stopped. */
function startNeighbourDdl(neighbour: Database): { stop(): Promise<number> } {
  let running = true;
  let cycles = 0;
  const tables = Array.from({ length: 30 }, (_, index) => `neighbour_${index}`);
  const loop = (async () => {
    while (running) {
      await neighbour.db.transaction().execute(async (trx) => {
        for (const table of tables) await sql.raw(`create table "${table}" (id serial primary key, note text, at timestamptz)`).execute(trx);
      });
      await neighbour.db.transaction().execute(async (trx) => {
        for (const table of tables) await sql.raw(`drop table "${table}"`).execute(trx);
      });
      cycles += 1;
    }
  })();
  return {
    async stop() {
      running = false;
      await loop;
      return cycles;
    },
  };
}

async function migratedFreshSchemas(count: number): Promise<TestDatabase[]> {
  const created: TestDatabase[] = [];
  for (let index = 0; index < count; index += 1) {
    const test = await createTestDatabase("postgres");
    await migrateToLatest(test.database);
    created.push(test);
  }
  return created;
}

const rounds = Number(process.env.START_UP_RACE_ROUNDS ?? 4);

describe("[postgres] start-up while the database's other tenants change their tables", () => {
  it("the migrator's view of its tables survives a table dropped elsewhere after its snapshot", async () => {
    // Deterministic form of the race: a snapshot taken, a neighbour's drop committed, then
    // the introspection the migrator and /readyz run, inside that snapshot.
    const ours = await createTestDatabase("postgres");
    const neighbour = await createTestDatabase("postgres");
    try {
      await migrateToLatest(ours.database);
      await sql`create table "dropped_meanwhile" (id serial primary key)`.execute(neighbour.database.db);
      const tables = await ours.database.db.connection().execute(async (connection) => {
        await sql`begin isolation level repeatable read`.execute(connection);
        try {
          await sql`select count(*) from pg_catalog.pg_class`.execute(connection);
          await sql`drop table "dropped_meanwhile"`.execute(neighbour.database.db);
          return await connection.introspection.getTables({ withInternalKyselyTables: true });
        } finally {
          await sql`rollback`.execute(connection);
        }
      });
      expect(tables.map((table) => table.name)).toContain("kysely_migration");
      expect(tables.map((table) => table.name)).toContain("account");
      expect(tables.every((table) => table.schema === tables[0]?.schema)).toBe(true);
    } finally {
      await ours.destroy();
      await neighbour.destroy();
    }
  });

  it(`every instance migrates: ${rounds} rounds of 4 on one fresh schema and 4 on their own`, { timeout: 240_000 }, async () => {
    // Other schemas make the catalogue (and so the old whole-database introspection) larger,
    // as the rest of a real database or of the integration run does.
    const others = await migratedFreshSchemas(10);
    const neighbour = await createTestDatabase("postgres");
    const ddl = startNeighbourDdl(neighbour.database);
    const failures: string[] = [];
    let started = 0;
    try {
      for (let round = 0; round < rounds; round += 1) {
        const shared = await createTestDatabase("postgres");
        const own = await Promise.all(Array.from({ length: 4 }, () => createTestDatabase("postgres")));
        const instances = [shared.database, shared.reopen(), shared.reopen(), shared.reopen(), ...own.map((test) => test.database)];
        const results = await Promise.allSettled(instances.map((instance) => migrateToLatest(instance)));
        for (const result of results) {
          if (result.status === "rejected") failures.push(String(result.reason));
          else started += 1;
        }
        // One shared schema: each migration applied by exactly one of its four instances.
        const applied = results
          .slice(0, 4)
          .map((result) => (result.status === "fulfilled" ? (result.value.results ?? []).filter((entry) => entry.status === "Success").length : 0));
        if (failures.length === 0) expect(applied.reduce((sum, count) => sum + count, 0)).toBe(Object.keys(migrations).length);
        for (const instance of instances.slice(1, 4)) await instance.close();
        for (const test of [shared, ...own]) await test.destroy();
      }
    } finally {
      const cycles = await ddl.stop();
      expect(cycles).toBeGreaterThan(0);
      await neighbour.destroy();
      for (const test of others) await test.destroy();
    }
    expect(failures).toEqual([]);
    expect(started).toBe(rounds * 8);
  });

  it("server processes start together and answer ready: 3 on one fresh schema, 3 on their own", { timeout: 180_000 }, async () => {
    const neighbour = await createTestDatabase("postgres");
    const ddl = startNeighbourDdl(neighbour.database);
    const shared = await createTestDatabase("postgres");
    const own = await Promise.all(Array.from({ length: 3 }, () => createTestDatabase("postgres")));
    const urls = [shared.url, shared.url, shared.url, ...own.map((test) => test.url)];
    const dataDirs = urls.map(() => fs.mkdtempSync(path.join(os.tmpdir(), "mutual-start-race-")));
    const started = await Promise.allSettled(
      urls.map((url, index) =>
        startServer({
          DATABASE_URL: url,
          DATA_DIR: dataDirs[index] ?? "",
          AUTH_SECRET: "a".repeat(43),
          ENCRYPTION_KEY: Buffer.alloc(32, 7).toString("base64"),
          ...vapidEnv(),
        }),
      ),
    );
    const running = started.flatMap((result) => (result.status === "fulfilled" ? [result.value] : []));
    try {
      expect(started.filter((result) => result.status === "rejected").map((result) => String((result as PromiseRejectedResult).reason))).toEqual([]);
      for (const server of running) expect((await get(server.port, "/readyz")).status).toBe(200);
    } finally {
      await Promise.all(running.map((server: RunningServer) => stopServer(server)));
      await ddl.stop();
      for (const test of [neighbour, shared, ...own]) await test.destroy();
      for (const dir of dataDirs) fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
