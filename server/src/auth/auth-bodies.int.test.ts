// What Better Auth's endpoints take from outside (decision 033): only the endpoints Mutual uses
// are open, each takes only the fields Mutual sends, and no body nested deep enough to overflow
// the stack reaches any handler (it was a 500 on every /api/auth/* route).
import { Migrator } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, type TestApp } from "../../test/build-test-app.js";
import { getMe, newPersonDetails, nextTestIp, sameOrigin, signUp } from "../../test/auth-helpers.js";
import { snapshotDatabase, diffSnapshots } from "../../test/fuzz/db-snapshot.js";
import { postAs } from "../../test/practice-helpers.js";
import { createTestDatabase, dialects } from "../../test/test-databases.js";
import { migrateToLatest } from "../db/migrate.js";
import { migrations } from "../db/migrations/index.js";
import { openAuthEndpoints } from "./open-endpoints.js";

describe.each(dialects)("[%s] Better Auth's bodies", (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp(dialect);
  });
  afterAll(async () => t.close());

  it("refuses a sign-up that sends a picture, stores nothing and sends no email; get-session has no picture", async () => {
    const details = newPersonDetails();
    const sentBefore = t.mailer.sent.length;
    const refused = await t.app.inject({
      method: "POST",
      url: "/api/auth/sign-up/email",
      headers: sameOrigin,
      payload: { ...details, image: `javascript:${"x".repeat(60_000)}` },
      remoteAddress: nextTestIp(),
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json()).toMatchObject({ code: "FIELDS_REFUSED" });
    expect(await t.database.db.selectFrom("user").select("id").where("email", "=", details.email).execute()).toEqual([]);
    expect(t.mailer.sent.length).toBe(sentBefore);
    const person = await signUp(t.app, details);
    const session = await t.app.inject({ method: "GET", url: "/api/auth/get-session", headers: { cookie: person.cookie } });
    expect(session.json().user.image ?? null).toBeNull();
  });

  it("refuses a field an endpoint does not take, and changes nothing", async () => {
    const person = await signUp(t.app);
    const before = await snapshotDatabase(t.database);
    const attempts: Array<[string, object]> = [
      ["/api/auth/change-password", { currentPassword: person.password, newPassword: "another long passphrase here", revokeOtherSessions: true, extra: 1 }],
      ["/api/auth/update-user", { name: "New Name", image: "javascript:alert(1)" }],
      ["/api/auth/organization/create", { name: "Harbour Counselling", logo: "https://evil.example/logo.png" }],
      ["/api/auth/sign-out", { callbackURL: "/" }],
      ["/api/auth/two-factor/enable", { password: person.password, issuer: "Mutual Support Team" }],
    ];
    for (const [url, payload] of attempts) {
      const response = await postAs(t.app, person, url, payload);
      expect(response.statusCode, url).toBe(400);
    }
    expect(diffSnapshots(before, await snapshotDatabase(t.database))).toEqual([]);
    expect((await getMe(t.app, person.cookie)).json().user.name).toBe(person.name);
  });

  it("answers 404 for every Better Auth endpoint Mutual does not use, as for an unknown path", async () => {
    const person = await signUp(t.app);
    const closed: Array<["GET" | "POST", string, object?]> = [
      ["POST", "/api/auth/verify-password", { password: person.password }],
      ["POST", "/api/auth/change-email", { newEmail: "someone.else@example.test" }],
      ["POST", "/api/auth/two-factor/get-totp-uri", { password: person.password }],
      ["POST", "/api/auth/two-factor/generate-backup-codes", { password: person.password }],
      ["POST", "/api/auth/two-factor/send-otp", {}],
      ["POST", "/api/auth/update-session", {}],
      ["POST", "/api/auth/sign-in/social", { provider: "github" }],
      ["GET", "/api/auth/list-accounts"],
      ["GET", "/api/auth/account-info"],
      ["GET", "/api/auth/reset-password/some-token"],
      ["GET", "/api/auth/delete-user/callback?token=x"],
      ["GET", "/api/auth/organization/list-members"],
      ["GET", "/api/auth/Verify-Email?token=x"],
      ["POST", "/api/auth/%76erify-password", { password: person.password }],
    ];
    for (const [method, url, payload] of closed) {
      const response = await t.app.inject({
        method,
        url,
        headers: { ...sameOrigin, cookie: person.cookie },
        ...(payload ? { payload } : {}),
        remoteAddress: person.ip,
      });
      expect(response.statusCode, `${method} ${url}`).toBe(404);
    }
  });

  it("answers a body nested 30,000 deep with 400 on every open endpoint and on our own routes, changing nothing", async () => {
    const person = await signUp(t.app);
    const arrays = `${"[".repeat(30_000)}${"]".repeat(30_000)}`;
    const objects = `${'{"a":'.repeat(6_000)}1${"}".repeat(6_000)}`;
    const before = await snapshotDatabase(t.database);
    const urls = [...Object.keys(openAuthEndpoints).map((path) => `/api/auth${path}`), "/api/auth/confirm-email", "/api/couple/invite", "/api/consent"];
    for (const url of urls) {
      for (const deep of [arrays, `{"email":${arrays}}`, objects]) {
        const response = await t.app.inject({
          method: "POST",
          url,
          headers: { ...sameOrigin, cookie: person.cookie },
          payload: deep,
          remoteAddress: person.ip,
        });
        expect(response.statusCode, url).toBe(400);
        expect(response.json(), url).toMatchObject({ error: { code: "BODY_TOO_DEEP" } });
      }
    }
    expect(diffSnapshots(before, await snapshotDatabase(t.database))).toEqual([]);
    expect((await getMe(t.app, person.cookie)).statusCode).toBe(200);
  });
});

describe.each(dialects)("[%s] pictures stored before sign-up refused them", (dialect) => {
  it("are removed by the migration", async () => {
    const test = await createTestDatabase(dialect);
    try {
      const migrator = new Migrator({ db: test.database.db, provider: { getMigrations: async () => migrations } });
      expect((await migrator.migrateTo("20261124T2200_confirm-earlier-accounts")).error).toBeUndefined();
      const now = new Date().toISOString();
      await test.database.db
        .insertInto("user")
        .values({
          id: "pictured",
          name: "Pictured",
          email: "pictured@example.test",
          emailVerified: dialect === "postgres" ? true : 1,
          image: "javascript:alert(1)",
          createdAt: now,
          updatedAt: now,
        })
        .execute();
      await migrateToLatest(test.database);
      expect(await test.database.db.selectFrom("user").select("image").execute()).toEqual([{ image: null }]);
    } finally {
      await test.destroy();
    }
  });
});
