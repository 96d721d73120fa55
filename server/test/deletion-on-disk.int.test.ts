// Deleted means gone from the disk, not only from query results (decision 030, issue 15 finding 1):
// after an account deletion on SQLite, the raw bytes of every database file (the database and its
// write-ahead log) hold none of the values the person's rows held, read without any SQL, as
// someone with a copy of the data folder would. Before the fix, the email, name, password hash,
// session token, sealed notes and the wrapped data key were all still there.
import fs from "node:fs";
import { randomBytes } from "node:crypto";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, type TestApp } from "./build-test-app.js";
import { getMe, sameOrigin, signUp } from "./auth-helpers.js";
import { completeProfileVia, fullAnswers } from "./assessment-helpers.js";
import { deleteAccount } from "./couple-helpers.js";
import { startRetentionSweep } from "../src/modules/retention/index.js";
import { systemClock } from "../src/platform/clock.js";

const checkInAnswers = { spokeUp: 2, feltHeard: 3, backedPartner: 4, feltBacked: 2, friendsFamilyHours: 3, wePulse: 4, mePulse: 3 };
const isoTimestamp = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

describe("[sqlite] account deletion on disk", () => {
  let t: TestApp;
  let file: string;
  beforeAll(async () => {
    t = await buildTestApp("sqlite");
    file = t.testDatabase.url.replace(/^file:/, "");
  });
  afterAll(async () => t.close());

  /** The bytes of the database file and of its write-ahead log, as a copy of the data folder would hold them. */
  const rawFiles = () =>
    [file, `${file}-wal`].filter((each) => fs.existsSync(each)).map((each) => ({ name: each.slice(file.length) || "database", bytes: fs.readFileSync(each) }));
  const foundIn = (value: string) =>
    rawFiles()
      .filter((raw) => raw.bytes.includes(Buffer.from(value, "utf8")))
      .map((raw) => raw.name);

  async function rowsOfEveryTable(): Promise<Array<{ table: string; row: Record<string, unknown> }>> {
    const tables = await sql<{ name: string }>`select name from sqlite_master where type = 'table' and name not like 'sqlite_%'`.execute(t.database.db);
    const rows: Array<{ table: string; row: Record<string, unknown> }> = [];
    for (const { name } of tables.rows) {
      for (const row of (await sql<Record<string, unknown>>`select * from ${sql.table(name)}`.execute(t.database.db)).rows) rows.push({ table: name, row });
    }
    return rows;
  }

  it("leaves none of the person's values in the database file or its write-ahead log", async () => {
    const unique = randomBytes(6).toString("hex");
    const person = await signUp(t.app, { email: `gone.${unique}@example.test`, password: `harbour kettle meadow ${unique}`, name: `Wren ${unique}` });
    const bystander = await signUp(t.app);
    const userId = (await getMe(t.app, person.cookie)).json().user.id as string;
    for (const who of [person, bystander]) {
      await completeProfileVia(
        t.app,
        who.cookie,
        fullAnswers((_itemId, isSafe) => (isSafe ? 1 : 5)),
      );
      const note = `${who === person ? unique : "bystander"} tidewater lanterns along the quiet pier`;
      expect(
        (
          await t.app.inject({
            method: "PUT",
            url: "/api/check-ins/current",
            headers: { ...sameOrigin, cookie: who.cookie },
            payload: { timeZone: "Asia/Singapore", answers: { ...checkInAnswers, note } },
          })
        ).statusCode,
      ).toBe(200);
      const reflection = { reflection: "asking plainly felt like setting down a heavy bag" };
      expect(
        (
          await t.app.inject({
            method: "POST",
            url: "/api/exercises/speak-up-small-ask/completions",
            headers: { ...sameOrigin, cookie: who.cookie },
            payload: reflection,
          })
        ).statusCode,
      ).toBeLessThan(300);
    }

    // Every value of every row that belongs to the person, taken before the deletion.
    const assessmentIds = (await t.database.db.selectFrom("assessment").select("id").where("user_id", "=", userId).execute()).map((row) => row.id);
    const belongs = (row: Record<string, unknown>) => Object.values(row).some((value) => value === userId || assessmentIds.includes(value as string));
    const theirs = (await rowsOfEveryTable()).filter(({ row }) => belongs(row));
    const wrappedKey = (await t.database.db.selectFrom("data_key").select("wrapped_key").where("user_id", "=", userId).executeTakeFirstOrThrow()).wrapped_key;
    const sealedNote = (await t.database.db.selectFrom("check_in").select("note_sealed").where("user_id", "=", userId).executeTakeFirstOrThrow()).note_sealed!;
    const sealedReflection = (
      await t.database.db.selectFrom("exercise_completion").select("reflection_sealed").where("user_id", "=", userId).executeTakeFirstOrThrow()
    ).reflection_sealed!;
    const passwordHash = (await t.database.db.selectFrom("account").select("password").where("userId", "=", userId).executeTakeFirstOrThrow()).password!;
    const sessionTokens = (await t.database.db.selectFrom("session").select("token").where("userId", "=", userId).execute()).map((row) => row.token);
    const named = [person.email, person.name, wrappedKey, sealedNote, sealedReflection, passwordHash, ...sessionTokens];
    // Text worth finding: not a timestamp or a short code that other people's rows share (an instrument id, a scope).
    const candidates = [
      ...new Set([
        ...named,
        userId,
        ...assessmentIds,
        ...theirs.flatMap(({ row }) => Object.values(row).filter((value): value is string => typeof value === "string")),
      ]),
    ].filter((value) => value.length >= 12 && !isoTimestamp.test(value));
    expect(theirs.map(({ table }) => table)).toEqual(
      expect.arrayContaining(["user", "account", "session", "data_key", "check_in", "exercise_completion", "assessment"]),
    );
    // The scan can see them: before deletion, each named value is on disk.
    for (const value of named) expect(foundIn(value), value).not.toEqual([]);

    // As on a server that has run a while: SQLite has copied the log into the database file (it does
    // so every thousand pages), so the rows sit in the file's pages as well as in old log frames.
    await sql`pragma wal_checkpoint(passive)`.execute(t.database.db);
    for (const value of named) expect(foundIn(value), value).toContain("database");

    expect((await deleteAccount(t.app, person)).statusCode).toBe(200);

    const afterValues = (await rowsOfEveryTable()).flatMap(({ row }) => Object.values(row).filter((value): value is string => typeof value === "string"));
    // A value still held by someone else's live row (say, the same flags as the bystander's) is not the person's to lose.
    const stillShared = candidates.filter((value) => afterValues.some((other) => other.includes(value)));
    expect(stillShared.filter((value) => named.includes(value) || value === userId)).toEqual([]);
    const leftOnDisk = candidates
      .filter((value) => !stillShared.includes(value))
      .flatMap((value) => foundIn(value).map((where) => `${where}: ${value.slice(0, 60)}`));
    expect(leftOnDisk).toEqual([]);
    // The bystander's data is untouched.
    expect((await getMe(t.app, bystander.cookie)).statusCode).toBe(200);
    expect(foundIn(bystander.email)).not.toEqual([]);
  });

  it("leaves nothing of an unfinished sign-up the retention sweep deleted", async () => {
    const unique = randomBytes(6).toString("hex");
    const eightDaysAgo = new Date(Date.now() - 8 * 24 * 3_600_000).toISOString();
    const values = { email: `unfinished.${unique}@example.test`, name: `Never Finished ${unique}`, hash: `scrypt-hash-${unique}` };
    await t.database.db
      .insertInto("user")
      .values({
        id: `unfinished-${unique}`,
        name: values.name,
        email: values.email,
        emailVerified: 0,
        image: null,
        createdAt: eightDaysAgo,
        updatedAt: eightDaysAgo,
      })
      .execute();
    await t.database.db
      .insertInto("account")
      .values({
        id: `account-${unique}`,
        accountId: `unfinished-${unique}`,
        providerId: "credential",
        userId: `unfinished-${unique}`,
        password: values.hash,
        createdAt: eightDaysAgo,
        updatedAt: eightDaysAgo,
      })
      .execute();
    await sql`pragma wal_checkpoint(passive)`.execute(t.database.db);
    for (const value of Object.values(values)) expect(foundIn(value), value).not.toEqual([]);

    const silent = { info: () => undefined, debug: () => undefined, error: () => undefined };
    const sweep = startRetentionSweep({ database: t.database, logger: silent, clock: systemClock, periodMs: 1_000 });
    try {
      await expect
        .poll(async () => (await t.database.db.selectFrom("user").select("id").where("email", "=", values.email).execute()).length, { timeout: 10_000 })
        .toBe(0);
    } finally {
      await sweep.stop();
    }
    const left = Object.values(values).flatMap((value) => foundIn(value).map((where) => `${where}: ${value}`));
    expect(left).toEqual([]);
  });
});
