import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../../app.js";
import { loadConfig } from "../../config.js";
import type { Database } from "../../db/database.js";
import { pino } from "pino";
import { keyringOf } from "../../platform/crypto.js";
import { buildTestApp, createMemoryMailer, type TestApp } from "../../../test/build-test-app.js";
import { createTestDatabase, dialects, openUnreachableDatabase } from "../../../test/test-databases.js";

/** The app on a database that is not migrated (or not reachable): no test helpers run migrations. */
async function buildAppOn(database: Database) {
  return buildApp({
    config: loadConfig({ NODE_ENV: "test" }),
    database,
    logger: pino({ level: "silent" }),
    mailer: createMemoryMailer(),
    authSecret: "x".repeat(40),
    keyring: keyringOf({ id: "k1", key: Buffer.alloc(32, 1) }),
  });
}

describe.each(dialects)("[%s] health", (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp(dialect);
  });
  afterAll(async () => t.close());

  it("/livez answers 200 while the process is up", async () => {
    const response = await t.app.inject({ method: "GET", url: "/livez" });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ status: "ok" });
  });

  it("/readyz answers 200 when the database answers and every migration is applied", async () => {
    const response = await t.app.inject({ method: "GET", url: "/readyz" });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ status: "ready", checks: { database: "ok", migrations: "applied", writes: "ok" } });
  });

  it("/readyz answers 503 on a database whose migrations have not run", async () => {
    const empty = await createTestDatabase(dialect);
    const app = await buildAppOn(empty.database);
    try {
      const response = await app.inject({ method: "GET", url: "/readyz" });
      expect(response.statusCode).toBe(503);
      expect(response.json()).toEqual({ status: "unavailable", checks: { database: "ok", migrations: "pending", writes: "unknown" } });
    } finally {
      await app.close();
      await empty.destroy();
    }
  });

  it("/readyz answers 503 when the database cannot be reached", async () => {
    const app = await buildAppOn(openUnreachableDatabase(dialect));
    try {
      const response = await app.inject({ method: "GET", url: "/readyz" });
      expect(response.statusCode).toBe(503);
      expect(response.json().checks.database).toBe("unreachable");
      const live = await app.inject({ method: "GET", url: "/livez" });
      expect(live.statusCode).toBe(200);
    } finally {
      await app.close();
    }
  });
});
