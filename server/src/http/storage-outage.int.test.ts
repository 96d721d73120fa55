import { createHmac } from "node:crypto";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../app.js";
import { loadConfig } from "../config.js";
import { keyringOf } from "../platform/crypto.js";
import { pino } from "pino";
import { buildTestApp, createMemoryMailer, type TestApp } from "../../test/build-test-app.js";
import { sameOrigin, signUp, type TestPerson } from "../../test/auth-helpers.js";
import { giveConsentVia } from "../../test/assessment-helpers.js";
import { openUnreachableDatabase } from "../../test/test-databases.js";

// Storage that fails is a 503 with Retry-After and a message that says so, never a bare 500, and
// /readyz says not ready while writes fail (issue 14, decision 027). A full disk on SQLite is made
// real with max_page_count: SQLite then answers SQLITE_FULL exactly as on a full file system.

describe("[sqlite] a full disk", () => {
  let t: TestApp;
  let person: TestPerson;
  beforeAll(async () => {
    t = await buildTestApp("sqlite");
    person = await signUp(t.app);
    await giveConsentVia(t.app, person.cookie);
  });
  afterAll(async () => t.close());

  const putCheckIn = (key: string, note: string) =>
    t.app.inject({
      method: "PUT",
      url: "/api/check-ins/current",
      headers: { ...sameOrigin, cookie: person.cookie, "idempotency-key": key },
      payload: { timeZone: "UTC", answers: { wePulse: 6, note } },
    });
  const readyz = () => t.app.inject({ method: "GET", url: "/readyz" });

  it("answers 503 STORAGE_FULL, keeps nothing of the refused write, is not ready, and takes the same write once space is back", async () => {
    const db = t.database.db;
    // Fill every page the limit allows: the next write that needs a page fails.
    const { rows } = await sql<{ page_count: number }>`pragma page_count`.execute(db);
    await sql.raw(`pragma max_page_count = ${Number(rows[0]?.page_count) + 8}`).execute(db);
    await sql`create table filler (bytes blob)`.execute(db);
    await expect(
      (async () => {
        for (;;) await sql`insert into filler values (randomblob(4000))`.execute(db);
      })(),
    ).rejects.toMatchObject({ code: "SQLITE_FULL" });

    // Three bytes a character: sealed, it needs more than a page, so the write must grow the file.
    const note = "நாங்கள் பேசினோம் ".repeat(125).slice(0, 2000);
    const refused = await putCheckIn("full-disk-write-1", note);
    expect(refused.statusCode).toBe(503);
    expect(refused.headers["retry-after"]).toBe("60");
    expect(refused.json()).toEqual({ error: { code: "STORAGE_FULL", message: expect.stringMatching(/cannot store data right now/) } });
    expect(t.logLines.some((line) => line.includes('"msg":"Storage unavailable"') && line.includes("SQLITE_FULL"))).toBe(true);
    expect(t.logLines.some((line) => line.includes("cannot rollback"))).toBe(false);

    const notReady = await readyz();
    expect(notReady.statusCode).toBe(503);
    expect(notReady.json()).toMatchObject({ checks: { writes: "failing" } });
    const current = await t.app.inject({ method: "GET", url: "/api/check-ins/current?timeZone=UTC", headers: { cookie: person.cookie } });
    expect((current.json() as { checkIn: unknown }).checkIn).toBeNull();

    await sql`drop table filler`.execute(db);
    await sql`pragma max_page_count = 1073741823`.execute(db);
    const retried = await putCheckIn("full-disk-write-1", note);
    expect(retried.statusCode).toBe(200);
    expect((await readyz()).statusCode).toBe(200);
    const stored = await t.app.inject({ method: "GET", url: "/api/check-ins/current?timeZone=UTC", headers: { cookie: person.cookie } });
    expect((stored.json() as { checkIn: { note: string } }).checkIn.note).toBe(note);
  });
});

describe("[postgres] a database that cannot be reached", () => {
  it("answers every kind of request with 503 DATABASE_UNAVAILABLE and Retry-After, promptly, never 500", async () => {
    const secret = "x".repeat(40);
    const app = await buildApp({
      config: loadConfig({ NODE_ENV: "test", PUBLIC_URL: "http://localhost:3999" }),
      database: openUnreachableDatabase("postgres"),
      logger: pino({ level: "silent" }),
      mailer: createMemoryMailer(),
      authSecret: secret,
      keyring: keyringOf({ id: "k1", key: Buffer.alloc(32, 1) }),
    });
    try {
      const origin = { origin: "http://localhost:3999", "content-type": "application/json" };
      const requests = [
        {
          method: "POST" as const,
          url: "/api/auth/sign-in/email",
          headers: origin,
          payload: { email: "someone@example.test", password: "a long enough passphrase" },
        },
        {
          method: "POST" as const,
          url: "/api/auth/sign-up/email",
          headers: origin,
          payload: { email: "new@example.test", password: "a long enough passphrase", name: "New" },
        },
        // A correctly signed cookie, so the session has to be looked up in the database.
        {
          method: "GET" as const,
          url: "/api/me",
          headers: {
            cookie: `better-auth.session_token=${encodeURIComponent(`some-token.${createHmac("sha256", secret).update("some-token").digest("base64")}`)}`,
          },
        },
      ];
      for (const request of requests) {
        const started = performance.now();
        const response = await app.inject(request);
        expect({ url: request.url, status: response.statusCode, code: (response.json() as { error?: { code?: string } }).error?.code }).toEqual({
          url: request.url,
          status: 503,
          code: "DATABASE_UNAVAILABLE",
        });
        expect(response.headers["retry-after"]).toBe("5");
        expect(performance.now() - started).toBeLessThan(5000);
      }
    } finally {
      await app.close();
    }
  });
});
