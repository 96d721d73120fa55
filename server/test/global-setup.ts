import { randomBytes } from "node:crypto";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { withDefaultUser } from "../src/db/database.js";

// PostgreSQL test schemas are dropped once, when the whole integration run ends, not by
// each test file: Kysely's migrator introspects every schema it can see, and a schema
// dropped by a neighbouring file in the middle of that query fails it. The run id (which
// starts with the time) also lets a later run clear schemas a killed run left behind.

const testPostgresUrl = process.env.TEST_DATABASE_URL ?? "postgres://localhost/test";
const staleAfterSeconds = 6 * 60 * 60;

let runId = "";

export async function setup(project: TestProject): Promise<void> {
  runId = `${Math.floor(Date.now() / 1000).toString(36)}${randomBytes(3).toString("hex")}`;
  project.provide("testRunId", runId);
  const cutoff = Math.floor(Date.now() / 1000) - staleAfterSeconds;
  await dropSchemas((schema) => {
    const match = /^test_([0-9a-z]{6})[0-9a-f]{6}_/.exec(schema);
    return match?.[1] !== undefined && parseInt(match[1], 36) < cutoff;
  });
}

export async function teardown(): Promise<void> {
  await dropSchemas((schema) => schema.startsWith(`test_${runId}_`));
}

async function dropSchemas(shouldDrop: (schema: string) => boolean): Promise<void> {
  const client = new pg.Client({ connectionString: withDefaultUser(testPostgresUrl) });
  try {
    await client.connect();
  } catch {
    // No PostgreSQL: the tests themselves say so, clearly; nothing to clean here.
    return;
  }
  try {
    const { rows } = await client.query<{ nspname: string }>("select nspname from pg_namespace where nspname like 'test\\_%'");
    for (const { nspname } of rows.filter((row) => shouldDrop(row.nspname))) {
      await client.query(`drop schema if exists "${nspname}" cascade`);
    }
  } finally {
    await client.end();
  }
}

declare module "vitest" {
  // Module augmentation needs an interface.
  // eslint-disable-next-line @typescript-eslint/consistent-type-definitions
  export interface ProvidedContext {
    testRunId: string;
  }
}
