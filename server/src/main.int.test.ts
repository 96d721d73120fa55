import { spawn } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { get, startServer } from "../test/server-process.js";
import { newDataKey, wrapDataKey } from "./platform/crypto.js";
import { vapidEnv } from "./platform/web-push.js";
import { createTestDatabase, dialects, type TestDatabase } from "../test/test-databases.js";

// The real process: start-up from environment variables alone, then SIGTERM with a
// request in flight.

describe.each(dialects)("[%s] the server process", (dialect) => {
  let testDatabase: TestDatabase | undefined;
  let dataDir: string | undefined;
  afterEach(async () => {
    await testDatabase?.destroy();
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  });

  // On SQLite nothing else is needed; on PostgreSQL the two secrets every server must share (decision 028).
  const secrets: Record<string, string> =
    dialect === "postgres" ? { AUTH_SECRET: "s".repeat(48), ENCRYPTION_KEY: Buffer.alloc(32, 5).toString("base64"), ...vapidEnv() } : {};

  it(`starts from DATABASE_URL${dialect === "postgres" ? " and the shared secrets" : " alone"}, prints its address, and finishes a request in flight on SIGTERM`, async () => {
    testDatabase = await createTestDatabase(dialect);
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "mutual-process-"));
    const server = await startServer({ DATABASE_URL: testDatabase.url, DATA_DIR: dataDir, ...secrets });
    expect(server.output()).toContain("Mutual is running at http://localhost:3999");
    expect((await get(server.port, "/readyz")).status).toBe(200);

    // A sign-in whose body has only half arrived when the signal comes.
    const body = JSON.stringify({ email: "nobody@example.test", password: "a password that does not match" });
    const inFlight = new Promise<number>((resolve, reject) => {
      const request = http.request(
        {
          host: "127.0.0.1",
          port: server.port,
          method: "POST",
          path: "/api/auth/sign-in/email",
          headers: { "content-type": "application/json", "content-length": Buffer.byteLength(body), origin: "http://localhost:3999" },
        },
        (response) => {
          response.resume();
          response.on("end", () => resolve(response.statusCode ?? 0));
        },
      );
      request.on("error", reject);
      request.write(body.slice(0, 10));
      setTimeout(() => {
        server.child.kill("SIGTERM");
        setTimeout(() => request.end(body.slice(10)), 300);
      }, 200);
    });

    const status = await inFlight;
    expect(status).toBe(401);
    expect(await server.exited).toBe(0);
    expect(server.output()).toContain("Shutting down");
    expect(server.output()).toContain('"msg":"Stopped"');
    await expect(get(server.port, "/livez")).rejects.toThrow();
  });

  it("refuses to start on bad configuration and lists every problem", async () => {
    const child = spawn(process.execPath, ["--import", "tsx", "--conditions=source", "server/src/main.ts"], {
      env: { ...process.env, PORT: "not-a-port", LOG_LEVEL: "chatty", DATABASE_URL: dialect === "sqlite" ? "mysql://x" : "postgres:bad" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stderr = "";
    child.stderr?.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => child.once("exit", resolve));
    expect(code).toBe(1);
    expect(stderr).toContain("PORT");
    expect(stderr).toContain("LOG_LEVEL");
    if (dialect === "sqlite") expect(stderr).toContain("DATABASE_URL");
  });

  it("refuses to start when the key that wrapped the stored data keys is missing or wrong, and starts with the right one", async () => {
    testDatabase = await createTestDatabase(dialect);
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "mutual-process-"));
    const base: Record<string, string> = { DATABASE_URL: testDatabase.url, DATA_DIR: dataDir, ...secrets };
    const first = await startServer(base);
    first.child.kill("SIGTERM");
    await first.exited;
    // The deployment now holds a sealed note's data key, wrapped by the key it started with.
    const keyFile = path.join(dataDir, "encryption-key");
    const kek = { id: "k1", key: dialect === "postgres" ? Buffer.alloc(32, 5) : Buffer.from(fs.readFileSync(keyFile, "utf8").trim(), "base64") };
    const db = testDatabase.database.db;
    await db
      .insertInto("user")
      .values({
        id: "u-with-notes",
        name: "Noted",
        email: "noted@example.test",
        emailVerified: dialect === "postgres" ? true : 1,
        image: null,
        createdAt: new Date().toISOString(),
        updatedAt: new Date().toISOString(),
      })
      .execute();
    await db
      .insertInto("data_key")
      .values({ user_id: "u-with-notes", key_id: "k1", wrapped_key: wrapDataKey(kek, newDataKey(), "u-with-notes"), created_at: Date.now() })
      .execute();

    const { ENCRYPTION_KEY: _given, ...withoutKey } = base;
    if (dialect === "sqlite") fs.renameSync(keyFile, `${keyFile}.elsewhere`);
    await expect(startServer(withoutKey)).rejects.toThrow(/ENCRYPTION_KEY is not set and .*encryption-key is missing, but the database holds 1 data key/);
    expect(fs.existsSync(keyFile)).toBe(false);
    await expect(startServer({ ...withoutKey, ENCRYPTION_KEY: Buffer.alloc(32, 9).toString("base64") })).rejects.toThrow(
      /does not open the data keys stored under that name/,
    );

    if (dialect === "sqlite") fs.renameSync(`${keyFile}.elsewhere`, keyFile);
    const restored = await startServer(base);
    expect((await get(restored.port, "/readyz")).status).toBe(200);
    restored.child.kill("SIGTERM");
    expect(await restored.exited).toBe(0);
  });
});

describe("[postgres] the server process without its shared secrets", () => {
  it("refuses to make a secret or a key of its own, naming the variable to set", async () => {
    const testDatabase = await createTestDatabase("postgres");
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "mutual-process-"));
    try {
      await expect(startServer({ DATABASE_URL: testDatabase.url, DATA_DIR: dataDir })).rejects.toThrow(/set AUTH_SECRET \(the same on every server/);
      await expect(startServer({ DATABASE_URL: testDatabase.url, DATA_DIR: dataDir, AUTH_SECRET: "s".repeat(48) })).rejects.toThrow(
        /set ENCRYPTION_KEY \(32 random bytes in base64, the same on every server/,
      );
      await expect(
        startServer({ DATABASE_URL: testDatabase.url, DATA_DIR: dataDir, AUTH_SECRET: "s".repeat(48), ENCRYPTION_KEY: Buffer.alloc(32, 5).toString("base64") }),
      ).rejects.toThrow(/set VAPID_PUBLIC_KEY and VAPID_PRIVATE_KEY \(the same on every server/);
      expect(fs.readdirSync(dataDir)).toEqual([]);
    } finally {
      await testDatabase.destroy();
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
