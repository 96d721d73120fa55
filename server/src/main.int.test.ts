import { spawn } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { get, startServer } from "../test/server-process.js";
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

  it("starts from DATABASE_URL alone, prints its address, and finishes a request in flight on SIGTERM", async () => {
    testDatabase = await createTestDatabase(dialect);
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "mutual-process-"));
    const server = await startServer({ DATABASE_URL: testDatabase.url, DATA_DIR: dataDir });
    expect(server.output()).toContain("Mutual is running at http://localhost:3999");
    expect((await get(server.port, "/readyz")).status).toBe(200);

    // A sign-in whose body has only half arrived when the signal comes.
    const body = JSON.stringify({ email: "nobody@example.test", password: "a password that does not match" });
    const inFlight = new Promise<number>((resolve, reject) => {
      const request = http.request(
        { host: "127.0.0.1", port: server.port, method: "POST", path: "/api/auth/sign-in/email", headers: { "content-type": "application/json", "content-length": Buffer.byteLength(body), origin: "http://localhost:3999" } },
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
});
