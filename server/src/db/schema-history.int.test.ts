import { randomUUID } from "node:crypto";
import { Migrator, sql, type Kysely } from "kysely";
import { describe, expect, it } from "vitest";
import { createTestDatabase, dialects, type TestDatabase } from "../../test/test-databases.js";
import type { Database } from "./database.js";
import { migrateToLatest } from "./migrate.js";
import { migrations } from "./migrations/index.js";

// Migrations are frozen in time (decision 052): they never import application code, so the schema a
// fresh install gets is the one an upgraded install gets, whatever the code is when each runs. This
// holds it: a database migrated from empty and one migrated in two steps, with people's data in it
// in between, end with the same tables, columns, types, defaults and indexes.

type ColumnShape = { name: string; type: string; nullable: boolean; hasDefault: boolean };
type SchemaShape = Record<string, { columns: ColumnShape[]; indexes: string[] }>;

async function describeSchema(database: Database): Promise<SchemaShape> {
  const db = database.db as unknown as Kysely<unknown>;
  const shape: SchemaShape = {};
  if (database.dialect === "sqlite") {
    const tables = (await sql<{ name: string }>`select name from sqlite_master where type = 'table' and name not like 'sqlite_%' order by name`.execute(db))
      .rows;
    for (const { name } of tables) {
      const columns = (await sql<{ name: string; type: string; notnull: number; dflt_value: unknown }>`select * from pragma_table_info(${name})`.execute(db))
        .rows;
      const indexes = (await sql<{ sql: string | null }>`select sql from sqlite_master where type = 'index' and tbl_name = ${name} order by name`.execute(db))
        .rows;
      shape[name] = {
        columns: columns.map((column) => ({
          name: column.name,
          type: column.type.toLowerCase(),
          nullable: column.notnull === 0,
          hasDefault: column.dflt_value !== null,
        })),
        indexes: indexes.map((index) => index.sql ?? "(automatic)"),
      };
    }
    return shape;
  }
  const tables = (
    await sql<{ table_name: string }>`select table_name from information_schema.tables where table_schema = current_schema() order by table_name`.execute(db)
  ).rows;
  for (const { table_name: name } of tables) {
    const columns = (
      await sql<{ column_name: string; data_type: string; is_nullable: string; column_default: string | null }>`
        select column_name, data_type, is_nullable, column_default from information_schema.columns
        where table_schema = current_schema() and table_name = ${name} order by ordinal_position`.execute(db)
    ).rows;
    const indexes = (
      await sql<{ indexdef: string }>`select indexdef from pg_indexes where schemaname = current_schema() and tablename = ${name} order by indexname`.execute(
        db,
      )
    ).rows;
    shape[name] = {
      columns: columns.map((column) => ({
        name: column.column_name,
        type: column.data_type,
        nullable: column.is_nullable === "YES",
        hasDefault: column.column_default !== null,
      })),
      // The schema's own name appears in each definition; it differs between the two test schemas.
      indexes: indexes.map((index) => index.indexdef.replace(/ ON [^ ]+\./, " ON ")),
    };
  }
  return shape;
}

async function migratorFor(test: TestDatabase): Promise<Migrator> {
  const db = test.database.db;
  const schema =
    test.database.dialect === "postgres" ? (await sql<{ schema: string }>`select current_schema() as schema`.execute(db)).rows[0]?.schema : undefined;
  return new Migrator({ db, provider: { getMigrations: async () => migrations }, ...(schema ? { migrationTableSchema: schema } : {}) });
}

/** A person with a completed profile, a check-in and a partner invite, as an earlier version stored them. */
async function insertPeople(test: TestDatabase): Promise<void> {
  const db = test.database.db as unknown as Kysely<Record<string, Record<string, unknown>>>;
  const postgres = test.database.dialect === "postgres";
  for (let index = 0; index < 3; index += 1) {
    const userId = randomUUID();
    const now = new Date();
    await db
      .insertInto("user")
      .values({
        id: userId,
        name: `Earlier ${index}`,
        email: `${userId}@example.test`,
        emailVerified: postgres ? true : 1,
        image: null,
        createdAt: postgres ? now : now.toISOString(),
        updatedAt: postgres ? now : now.toISOString(),
      })
      .execute();
    const assessmentId = randomUUID();
    await db
      .insertInto("assessment")
      .values({
        id: assessmentId,
        user_id: userId,
        instrument_id: "interdependence-profile",
        instrument_version: "1.0.0",
        status: "completed",
        started_at: 1,
        completed_at: 2,
      })
      .execute();
    await db.insertInto("assessment_answer").values({ assessment_id: assessmentId, item_id: "close-1", value: 5, answered_at: 2 }).execute();
    await db
      .insertInto("check_in")
      .values({
        id: randomUUID(),
        user_id: userId,
        iso_week: "2026-W40",
        time_zone: "UTC",
        spoke_up: 3,
        felt_heard: 3,
        backed_partner: 3,
        felt_backed: 3,
        friends_family_hours: 2,
        we_pulse: 5,
        me_pulse: 5,
        note_sealed: null,
        note_key_id: null,
        created_at: 3,
        updated_at: 3,
      })
      .execute();
  }
}

describe.each(dialects)("[%s] the schema's history", (dialect) => {
  it("a fresh install and an install upgraded with people's data in it end with the same schema", async () => {
    const fresh = await createTestDatabase(dialect);
    const upgraded = await createTestDatabase(dialect);
    try {
      await migrateToLatest(fresh.database);
      const migrator = await migratorFor(upgraded);
      // The first release that held people's answers, check-ins, couples and practices.
      expect((await migrator.migrateTo("20261124T1500_counselling-clients")).error).toBeUndefined();
      await insertPeople(upgraded);
      await migrateToLatest(upgraded.database);
      const [freshShape, upgradedShape] = await Promise.all([describeSchema(fresh.database), describeSchema(upgraded.database)]);
      expect(Object.keys(freshShape).length).toBeGreaterThan(30);
      expect(upgradedShape).toEqual(freshShape);
    } finally {
      await fresh.destroy();
      await upgraded.destroy();
    }
  });
});
