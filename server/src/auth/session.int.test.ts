import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, type TestApp } from "../../test/build-test-app.js";
import { getMe, signUp } from "../../test/auth-helpers.js";
import { dialects } from "../../test/test-databases.js";

describe.each(dialects)("[%s] session cookies", (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp(dialect);
  });
  afterAll(async () => t.close());

  it("refuses a cookie whose signature was tampered with", async () => {
    const person = await signUp(t.app);
    const [name, value] = person.cookie.split("=") as [string, string];
    const decoded = decodeURIComponent(value);
    const forged = `${name}=${encodeURIComponent(`${decoded.slice(0, -4)}AAA=`)}`;
    expect((await getMe(t.app, forged)).statusCode).toBe(401);
    const otherToken = `${name}=${encodeURIComponent(`someoneelsestoken.${decoded.split(".")[1]}`)}`;
    expect((await getMe(t.app, otherToken)).statusCode).toBe(401);
    expect((await getMe(t.app, `${name}=%E0%A4%A`)).statusCode).toBe(401);
  });

  it("ends a session when it expires", async () => {
    const person = await signUp(t.app);
    const row = await t.database.db.selectFrom("session").select(["id"]).orderBy("createdAt", "desc").executeTakeFirstOrThrow();
    await t.database.db
      .updateTable("session")
      .set({ expiresAt: dialect === "sqlite" ? new Date(Date.now() - 1000).toISOString() : new Date(Date.now() - 1000) })
      .where("id", "=", row.id)
      .execute();
    expect((await getMe(t.app, person.cookie)).statusCode).toBe(401);
  });

  it("extends an active session after a day of use and re-sends the cookie", async () => {
    const person = await signUp(t.app);
    const before = await t.database.db.selectFrom("session").select(["id", "expiresAt"]).orderBy("createdAt", "desc").executeTakeFirstOrThrow();
    const fresh = await getMe(t.app, person.cookie);
    expect(fresh.headers["set-cookie"]).toBeUndefined();
    // Two days of use later: Better Auth, which extends sessions, reads the real clock,
    // so the session's expiry is moved back instead of the clock forward.
    const twoDaysAgo = new Date(new Date(before.expiresAt).getTime() - 2 * 86_400_000);
    await t.database.db
      .updateTable("session")
      .set({ expiresAt: dialect === "sqlite" ? twoDaysAgo.toISOString() : twoDaysAgo })
      .where("id", "=", before.id)
      .execute();
    const refreshed = await getMe(t.app, person.cookie);
    expect(refreshed.statusCode).toBe(200);
    expect(String(refreshed.headers["set-cookie"])).toContain("session_token");
    const after = await t.database.db.selectFrom("session").select("expiresAt").where("id", "=", before.id).executeTakeFirstOrThrow();
    expect(new Date(after.expiresAt).getTime()).toBeGreaterThan(twoDaysAgo.getTime());
  });
});
