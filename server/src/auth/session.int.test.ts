import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, type TestApp } from "../../test/build-test-app.js";
import { getMe, sessionCookieFrom, signIn, signUp } from "../../test/auth-helpers.js";
import { createPractice } from "../../test/practice-helpers.js";
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

  const minute = 60_000;
  const day = 24 * 60 * minute;
  const newestSessionOf = async (email: string) =>
    t.database.db
      .selectFrom("session")
      .innerJoin("user", "user.id", "session.userId")
      .select(["session.id as id", "session.createdAt as createdAt", "session.updatedAt as updatedAt", "session.expiresAt as expiresAt"])
      .where("user.email", "=", email)
      .orderBy("session.createdAt", "desc")
      .executeTakeFirstOrThrow();
  const betterAuthSees = async (cookie: string) => (await t.app.inject({ method: "GET", url: "/api/auth/get-session", headers: { cookie } })).json() !== null;
  /**
   * Time passes for a person's sessions: every time they hold (start, last use, end) moves that much
   * into the past, as the real clock moving on would leave them. Better Auth and the server read the
   * real clock, so the rows move instead of a clock.
   */
  const timePasses = async (email: string, ms: number) => {
    const sessions = await t.database.db
      .selectFrom("session")
      .innerJoin("user", "user.id", "session.userId")
      .select(["session.id as id", "session.createdAt as createdAt", "session.updatedAt as updatedAt", "session.expiresAt as expiresAt"])
      .where("user.email", "=", email)
      .execute();
    const back = (value: unknown) => {
      const moved = new Date(new Date(value as string).getTime() - ms);
      return dialect === "sqlite" ? moved.toISOString() : moved;
    };
    for (const row of sessions) {
      await t.database.db
        .updateTable("session")
        .set({ createdAt: back(row.createdAt), updatedAt: back(row.updatedAt), expiresAt: back(row.expiresAt) })
        .where("id", "=", row.id)
        .execute();
    }
  };

  it("ends a session a week after its last use, and each use moves that end (at most one write a minute)", async () => {
    const idle = await signUp(t.app);
    await timePasses(idle.email, 7 * day + minute);
    expect((await getMe(t.app, idle.cookie)).statusCode).toBe(401);
    expect(await betterAuthSees(idle.cookie)).toBe(false);

    const active = await signUp(t.app);
    await timePasses(active.email, 6 * day);
    expect((await getMe(t.app, active.cookie)).statusCode).toBe(200);
    const used = await newestSessionOf(active.email);
    expect(Date.now() - new Date(used.updatedAt).getTime()).toBeLessThan(minute);
    expect(new Date(used.expiresAt).getTime()).toBeGreaterThan(Date.now() + 7 * day - minute);
    // Six more days: still within a week of that use.
    await timePasses(active.email, 6 * day);
    expect((await getMe(t.app, active.cookie)).statusCode).toBe(200);
    expect(await betterAuthSees(active.cookie)).toBe(true);
    // A second request within the minute writes nothing.
    const written = (await newestSessionOf(active.email)).updatedAt;
    expect((await getMe(t.app, active.cookie)).statusCode).toBe(200);
    expect((await newestSessionOf(active.email)).updatedAt).toEqual(written);
  });

  it("ends the session of anyone in a practice after 30 minutes without use, judged by their role now", async () => {
    const counsellor = await signUp(t.app);
    // Signed in before the practice existed: the shorter limit applies from the moment they are in one.
    await createPractice(t.app, counsellor);
    await timePasses(counsellor.email, 29 * minute);
    expect((await getMe(t.app, counsellor.cookie)).statusCode).toBe(200);
    await timePasses(counsellor.email, 31 * minute);
    expect((await getMe(t.app, counsellor.cookie)).statusCode).toBe(401);
    expect(await betterAuthSees(counsellor.cookie)).toBe(false);
    // A session begun as a member ends at the shorter limit in Better Auth's eyes too.
    const again = sessionCookieFrom(await signIn(t.app, counsellor.email, counsellor.password));
    const fresh = await newestSessionOf(counsellor.email);
    expect(new Date(fresh.expiresAt).getTime() - new Date(fresh.createdAt).getTime()).toBe(30 * minute);
    expect((await getMe(t.app, again)).statusCode).toBe(200);
  });

  it("ends a session 30 days after it began, however often it was used", async () => {
    const person = await signUp(t.app);
    for (let days = 1; days < 30; days += 1) {
      await timePasses(person.email, day);
      expect((await getMe(t.app, person.cookie)).statusCode, `day ${days}`).toBe(200);
    }
    await timePasses(person.email, day - 2 * minute);
    expect((await getMe(t.app, person.cookie)).statusCode).toBe(200);
    await timePasses(person.email, 3 * minute);
    expect((await getMe(t.app, person.cookie)).statusCode).toBe(401);
    expect(await betterAuthSees(person.cookie)).toBe(false);
  });
});

describe.each(dialects)("[%s] session limits set by the operator", (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp(dialect, { env: { SESSION_IDLE_MINUTES: "60", SESSION_LIFETIME_HOURS: "2" } });
  });
  afterAll(async () => t.close());

  it("follows SESSION_IDLE_MINUTES and SESSION_LIFETIME_HOURS", async () => {
    const person = await signUp(t.app);
    const created = await t.database.db
      .selectFrom("session")
      .innerJoin("user", "user.id", "session.userId")
      .select(["session.id as id", "session.createdAt as createdAt", "session.expiresAt as expiresAt"])
      .where("user.email", "=", person.email)
      .executeTakeFirstOrThrow();
    expect(new Date(created.expiresAt).getTime() - new Date(created.createdAt).getTime()).toBe(60 * 60_000);
    const set = (startedAgo: number, lastUsedAgo: number) =>
      t.database.db
        .updateTable("session")
        .set({
          createdAt: dialect === "sqlite" ? new Date(Date.now() - startedAgo).toISOString() : new Date(Date.now() - startedAgo),
          updatedAt: dialect === "sqlite" ? new Date(Date.now() - lastUsedAgo).toISOString() : new Date(Date.now() - lastUsedAgo),
        })
        .where("id", "=", created.id)
        .execute();
    await set(90 * 60_000, 59 * 60_000);
    expect((await getMe(t.app, person.cookie)).statusCode).toBe(200);
    await set(121 * 60_000, 2 * 60_000);
    expect((await getMe(t.app, person.cookie)).statusCode).toBe(401);
  });
});
