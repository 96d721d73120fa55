// Deleting the account leaves nothing of the person behind: every table is scanned, not a list
// of the tables we know about, so a table added later without a cascade fails this test.
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, type TestApp } from "./build-test-app.js";
import { getMe, sameOrigin, signUp } from "./auth-helpers.js";
import { completeProfileVia, fullAnswers } from "./assessment-helpers.js";
import { createPractice, invite } from "./practice-helpers.js";
import { dialects } from "./test-databases.js";
import { enqueueNotice } from "../src/modules/outbox/index.js";

const checkInAnswers = { spokeUp: 2, feltHeard: 3, backedPartner: 4, feltBacked: 2, friendsFamilyHours: 3, wePulse: 4, mePulse: 3 };

describe.each(dialects)("[%s] account deletion", (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp(dialect);
  });
  afterAll(async () => t.close());

  async function listTables(): Promise<string[]> {
    const db = t.database.db;
    if (t.database.dialect === "sqlite") {
      const result = await sql<{ name: string }>`select name from sqlite_master where type = 'table' and name not like 'sqlite_%'`.execute(db);
      return result.rows.map((row) => row.name);
    }
    const result = await sql<{
      table_name: string;
    }>`select table_name from information_schema.tables where table_schema = current_schema() and table_type = 'BASE TABLE'`.execute(db);
    return result.rows.map((row) => row.table_name);
  }

  /** Every row of every table, as text (binary columns decoded too), keyed by table. */
  async function dumpAllRows(): Promise<Map<string, string[]>> {
    const dump = new Map<string, string[]>();
    for (const table of await listTables()) {
      const result = await sql<Record<string, unknown>>`select * from ${sql.table(table)}`.execute(t.database.db);
      dump.set(
        table,
        result.rows.map((row) => JSON.stringify(row, (_key, value: unknown) => (Buffer.isBuffer(value) ? value.toString("latin1") : value))),
      );
    }
    return dump;
  }

  it("removes every row holding the person's id, email or words, ends their sessions, and leaves others intact", async () => {
    const note = "tidewater lanterns along the quiet pier";
    const reflection = "asking plainly felt like setting down a heavy bag";
    const person = await signUp(t.app);
    const bystander = await signUp(t.app);
    const userId = (await getMe(t.app, person.cookie)).json().user.id as string;
    const bystanderId = (await getMe(t.app, bystander.cookie)).json().user.id as string;
    for (const who of [person, bystander]) {
      await completeProfileVia(
        t.app,
        who.cookie,
        fullAnswers((itemId, isSafe) => (isSafe ? 1 : 5)),
      );
      const checkIn = await t.app.inject({
        method: "PUT",
        url: "/api/check-ins/current",
        headers: { ...sameOrigin, cookie: who.cookie },
        payload: { timeZone: "Asia/Singapore", answers: { ...checkInAnswers, note } },
      });
      expect(checkIn.statusCode).toBe(200);
      const completion = await t.app.inject({
        method: "POST",
        url: "/api/exercises/speak-up-small-ask/completions",
        headers: { ...sameOrigin, cookie: who.cookie },
        payload: { reflection },
      });
      expect(completion.statusCode).toBeLessThan(300);
    }

    // A weekly reminder, and a notice of it waiting in the outbox (decision 046).
    const reminder = await t.app.inject({
      method: "PUT",
      url: "/api/reminders",
      headers: { ...sameOrigin, cookie: person.cookie },
      payload: { enabled: true, weekday: 2, time: "08:15", timeZone: "Asia/Singapore", channel: "email", quietHours: { start: "22:00", end: "07:00" } },
    });
    expect(reminder.statusCode).toBe(200);
    // A device that gets push reminders (decision 060): its endpoint is sealed, and goes with the account.
    const pushEndpoint = "https://push.example.org/device/account-deletion-0f3a";
    const subscribed = await t.app.inject({
      method: "POST",
      url: "/api/push/subscriptions",
      headers: { ...sameOrigin, cookie: person.cookie },
      payload: {
        endpoint: pushEndpoint,
        keys: { p256dh: Buffer.concat([Buffer.from([4]), Buffer.alloc(64, 1)]).toString("base64url"), auth: Buffer.alloc(16, 2).toString("base64url") },
      },
    });
    expect(subscribed.statusCode).toBe(200);
    const nowMs = Date.now();
    await enqueueNotice(
      t.database.db,
      {
        userId,
        kind: "weekly-reminder",
        dedupeKey: `weekly-reminder:${userId}:2026-W50`,
        referenceId: "2026-W50",
        dueAtMs: nowMs,
        expiresAtMs: nowMs + 3_600_000,
      },
      nowMs,
    );

    // An invitation to a practice names the person by address only: it must not outlive the account.
    const practiceId = await createPractice(t.app, bystander, "Harbour Counselling");
    expect((await invite(t.app, bystander, practiceId, person.email, "counsellor")).statusCode).toBe(200);

    // Answers hang off the assessment, not the user: look for the assessments' ids as well.
    const assessmentIds = (await t.database.db.selectFrom("assessment").select("id").where("user_id", "=", userId).execute()).map((row) => row.id);
    expect(assessmentIds.length).toBeGreaterThan(0);
    const beforeDump = await dumpAllRows();
    expect([...beforeDump.keys()]).toEqual(
      expect.arrayContaining(["user", "session", "account", "consent", "assessment", "assessment_answer", "reminder_setting", "outbox_message"]),
    );
    expect(beforeDump.get("reminder_setting")?.some((row) => row.includes(userId))).toBe(true);
    expect(beforeDump.get("outbox_message")?.some((row) => row.includes(userId))).toBe(true);
    expect(beforeDump.get("push_subscription")?.some((row) => row.includes(userId))).toBe(true);
    const before = [...beforeDump.values()].flat();
    expect(before.some((row) => row.includes(userId))).toBe(true);
    // Notes and reflections are sealed at rest: their words never reach the database, even before deletion.
    expect(before.some((row) => row.includes(note) || row.includes(reflection) || row.includes(pushEndpoint))).toBe(false);

    const removal = await t.app.inject({
      method: "POST",
      url: "/api/auth/delete-user",
      headers: { ...sameOrigin, cookie: person.cookie },
      payload: { password: person.password },
    });
    expect(removal.statusCode).toBe(200);
    expect((await getMe(t.app, person.cookie)).statusCode).toBe(401);

    const after = await dumpAllRows();
    const leftovers = [...after.entries()].flatMap(([table, rows]) =>
      rows
        .filter((row) => row.includes(userId) || row.toLowerCase().includes(person.email.toLowerCase()) || assessmentIds.some((id) => row.includes(id)))
        .map((row) => `${table}: ${row}`),
    );
    expect(leftovers).toEqual([]);
    // The tables that held the person's data still hold the bystander's.
    for (const table of ["consent", "assessment", "check_in", "exercise_completion", "data_key"]) {
      if (!after.has(table)) continue;
      expect(
        after.get(table)!.some((row) => row.includes(bystanderId)),
        table,
      ).toBe(true);
    }
    expect((await getMe(t.app, bystander.cookie)).statusCode).toBe(200);
  });
});
