// Accounts made before sign-up needed the emailed link keep signing in; unfinished sign-ups do not (decision 020).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Migrator, sql } from "kysely";
import { migrations } from "../db/migrations/index.js";
import { buildTestApp, type TestApp } from "../../test/build-test-app.js";
import { newPersonDetails, nextTestIp, sameOrigin, signIn, signUp } from "../../test/auth-helpers.js";
import { dialects } from "../../test/test-databases.js";

describe.each(dialects)("[%s] confirming the addresses of earlier accounts", (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp(dialect);
  });
  afterAll(async () => t.close());

  const userIdOf = async (email: string) =>
    (await t.database.db.selectFrom("user").select("id").where("email", "=", email.toLowerCase()).executeTakeFirstOrThrow()).id;
  const emailVerifiedOf = async (email: string) =>
    Boolean((await t.database.db.selectFrom("user").select("emailVerified").where("email", "=", email.toLowerCase()).executeTakeFirstOrThrow()).emailVerified);

  it("lets an earlier account whose address was never confirmed sign in again, and leaves an unfinished sign-up unfinished", async () => {
    const db = t.database.db;
    const names = Object.keys(migrations);
    const before = names[names.indexOf("20261124T2200_confirm-earlier-accounts") - 1]!;
    // Pinned to this database's schema, as the app's migrator is (a neighbouring schema's bookkeeping must not count).
    const schema = dialect === "postgres" ? (await sql<{ schema: string }>`select current_schema() as schema`.execute(db)).rows[0]?.schema : undefined;
    const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations }, ...(schema ? { migrationTableSchema: schema } : {}) });
    expect((await migrator.migrateTo(before)).error).toBeUndefined();

    // Made long before the link was needed, never confirmed, signed out everywhere since.
    const longAgo = await signUp(t.app);
    const longAgoId = await userIdOf(longAgo.email);
    const createdAt = new Date("2026-10-01T09:00:00Z");
    await db
      .updateTable("user")
      .set({ emailVerified: dialect === "sqlite" ? 0 : false, createdAt: dialect === "sqlite" ? createdAt.toISOString() : createdAt })
      .where("id", "=", longAgoId)
      .execute();
    await db.deleteFrom("session").where("userId", "=", longAgoId).execute();
    // Made on the day of the change by a server that did not yet need the link: still signed in somewhere.
    const sameDay = await signUp(t.app);
    await db
      .updateTable("user")
      .set({ emailVerified: dialect === "sqlite" ? 0 : false })
      .where("id", "=", await userIdOf(sameDay.email))
      .execute();
    // A sign-up started under the new rule (perhaps by someone else with this address) and never finished.
    const unfinished = newPersonDetails();
    expect(
      (await t.app.inject({ method: "POST", url: "/api/auth/sign-up/email", headers: sameOrigin, payload: unfinished, remoteAddress: nextTestIp() }))
        .statusCode,
    ).toBe(200);
    const confirmed = await signUp(t.app);

    // Before the migration, the right password of an earlier unconfirmed account opens nothing.
    expect((await signIn(t.app, longAgo.email, longAgo.password)).statusCode).toBe(401);

    expect((await migrator.migrateToLatest()).error).toBeUndefined();
    expect(await emailVerifiedOf(longAgo.email)).toBe(true);
    expect(await emailVerifiedOf(sameDay.email)).toBe(true);
    expect(await emailVerifiedOf(unfinished.email)).toBe(false);
    expect(await emailVerifiedOf(confirmed.email)).toBe(true);
    expect((await signIn(t.app, longAgo.email, longAgo.password)).statusCode).toBe(200);
    expect((await signIn(t.app, sameDay.email, sameDay.password)).statusCode).toBe(200);
    expect((await signIn(t.app, confirmed.email, confirmed.password)).statusCode).toBe(200);
    expect((await signIn(t.app, unfinished.email, unfinished.password)).statusCode).toBe(401);
  });
});
