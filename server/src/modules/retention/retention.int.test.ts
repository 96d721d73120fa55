import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, dialects, type TestDatabase } from "../../../test/test-databases.js";
import type { Database } from "../../db/database.js";
import { migrateToLatest } from "../../db/migrate.js";
import { jobRunKeepMs, runRound } from "../../platform/scheduled-job.js";
import { retentionJobName, sweepExpiredRows } from "./index.js";

// The retention sweep against a real database of each dialect: what it deletes is exactly what
// docs/privacy.md says is past its retention, and a round is done once however often it is tried.

const minute = 60_000;
const hour = 60 * minute;
const now = new Date("2026-03-02T12:00:00.000Z");
const at = (offsetMs: number) => now.getTime() + offsetMs;
const iso = (offsetMs: number) => new Date(at(offsetMs)).toISOString();
const sweep = { name: retentionJobName, work: sweepExpiredRows };

const day = 24 * hour;

async function addUser(database: Database, options: { confirmed?: boolean; createdAgoMs?: number; updatedAgoMs?: number; id?: string } = {}): Promise<string> {
  const id = options.id ?? randomUUID();
  const confirmed = options.confirmed ?? true;
  const createdAt = iso(-(options.createdAgoMs ?? 30 * day));
  const updatedAt = options.updatedAgoMs === undefined ? createdAt : iso(-options.updatedAgoMs);
  await database.db
    .insertInto("user")
    .values({
      id,
      name: "Retention Person",
      email: `${id}@example.test`,
      emailVerified: database.dialect === "postgres" ? confirmed : Number(confirmed),
      image: null,
      createdAt,
      updatedAt,
    })
    .execute();
  await database.db
    .insertInto("account")
    .values({ id: `account-${id}`, accountId: id, providerId: "credential", userId: id, password: "scrypt-hash", createdAt, updatedAt: createdAt })
    .execute();
  return id;
}

/**
 * Accounts on both sides of the unfinished sign-up rule: never confirmed and a week old (the only
 * one to go), never confirmed but younger, older but sent a new link within the week, confirmed
 * long ago, never confirmed with a session, and never confirmed holding a consent or sealed notes.
 */
async function seedAccounts(database: Database) {
  await addUser(database, { id: "unfinished-old", confirmed: false, createdAgoMs: 7 * day + 1 });
  await addUser(database, { id: "unfinished-kept", confirmed: false, createdAgoMs: 7 * day - minute });
  await addUser(database, { id: "unfinished-relinked", confirmed: false, createdAgoMs: 9 * day, updatedAgoMs: 6 * day });
  await addUser(database, { id: "confirmed-old", confirmed: true, createdAgoMs: 400 * day });
  await addUser(database, { id: "unconfirmed-with-session", confirmed: false, createdAgoMs: 30 * day });
  await database.db
    .insertInto("session")
    .values({
      id: "session-of-unconfirmed",
      token: "token-unconfirmed",
      userId: "unconfirmed-with-session",
      expiresAt: iso(day),
      createdAt: iso(-hour),
      updatedAt: iso(-hour),
      ipAddress: null,
      userAgent: null,
      activeOrganizationId: null,
    })
    .execute();
  // Left unconfirmed by an older version, signed out long ago, with something in them (issue 14).
  await addUser(database, { id: "unconfirmed-with-consent", confirmed: false, createdAgoMs: 30 * day });
  await database.db
    .insertInto("consent")
    .values({ user_id: "unconfirmed-with-consent", notice_version: "1", consented_at: at(-29 * day) })
    .execute();
  await addUser(database, { id: "unconfirmed-with-notes", confirmed: false, createdAgoMs: 30 * day });
  await database.db
    .insertInto("data_key")
    .values({ user_id: "unconfirmed-with-notes", key_id: "k1", wrapped_key: "v1.x.y.z", created_at: at(-29 * day) })
    .execute();
}

/** One row just past retention and one just inside it, per kind; returns the ids that must survive. */
async function seedBothSidesOfRetention(database: Database, userId: string) {
  const { db } = database;
  await db
    .insertInto("sign_in_failure")
    .values([
      { id: "sif-old", account_key: "a", client_key: "c", failed_at: at(-24 * hour - 1) },
      { id: "sif-kept", account_key: "a", client_key: "c", failed_at: at(-24 * hour + minute) },
    ])
    .execute();
  await db
    .insertInto("idempotency_key")
    .values([
      { user_id: userId, key: "idem-old", route: "r", response: "x", request_fingerprint: "f", created_at: at(-24 * hour - 1) },
      { user_id: userId, key: "idem-kept", route: "r", response: "x", request_fingerprint: "f", created_at: at(-23 * hour) },
    ])
    .execute();
  await db
    .insertInto("invite_attempt_failure")
    .values([
      // Counted while failed_at > now − 1 h; at exactly an hour it no longer counts.
      { id: "iaf-old", user_id: userId, failed_at: at(-hour) },
      { id: "iaf-kept", user_id: userId, failed_at: at(-hour + 1) },
    ])
    .execute();
  await db
    .insertInto("rateLimit")
    .values([
      { id: "rl-old", key: "192.0.2.1|/sign-in/email", count: 3, lastRequest: at(-hour - 1) },
      { id: "rl-kept", key: "192.0.2.2|/sign-in/email", count: 3, lastRequest: at(-30 * minute) },
    ])
    .execute();
  const session = (id: string, expiresAt: string) => ({
    id,
    token: `token-${id}`,
    userId,
    expiresAt,
    createdAt: iso(-14 * 24 * hour),
    updatedAt: iso(-hour),
    ipAddress: null,
    userAgent: null,
    activeOrganizationId: null,
  });
  await db
    .insertInto("session")
    .values([session("session-old", iso(-1000)), session("session-kept", iso(1000))])
    .execute();
  const verification = (id: string, expiresAt: string) => ({
    id,
    identifier: `reset-password:${id}`,
    value: userId,
    expiresAt,
    createdAt: iso(-hour),
    updatedAt: iso(-hour),
  });
  await db
    .insertInto("verification")
    .values([verification("verification-old", iso(-1000)), verification("verification-kept", iso(1000))])
    .execute();
  // Practice invitations: a pending one lives until it expires; an answered or cancelled one is spent.
  await db
    .insertInto("organization")
    .values({ id: "practice-1", name: "Harbour Counselling", slug: "practice-1", logo: null, createdAt: iso(-day), metadata: null })
    .execute();
  const invitation = (id: string, status: string, expiresAt: string) => ({
    id,
    organizationId: "practice-1",
    email: `${id}@example.test`,
    role: "counsellor",
    status,
    expiresAt,
    createdAt: iso(-day),
    inviterId: userId,
  });
  await db
    .insertInto("invitation")
    .values([
      invitation("invitation-kept", "pending", iso(1000)),
      invitation("invitation-expired", "pending", iso(-1000)),
      invitation("invitation-accepted", "accepted", iso(1000)),
      invitation("invitation-rejected", "rejected", iso(1000)),
      invitation("invitation-canceled", "canceled", iso(1000)),
    ])
    .execute();
}

async function remaining(database: Database) {
  const { db } = database;
  return {
    sign_in_failure: (await db.selectFrom("sign_in_failure").select("id").orderBy("id").execute()).map((row) => row.id),
    idempotency_key: (await db.selectFrom("idempotency_key").select("key").orderBy("key").execute()).map((row) => row.key),
    invite_attempt_failure: (await db.selectFrom("invite_attempt_failure").select("id").orderBy("id").execute()).map((row) => row.id),
    rateLimit: (await db.selectFrom("rateLimit").select("id").orderBy("id").execute()).map((row) => row.id),
    session: (await db.selectFrom("session").select("id").orderBy("id").execute()).map((row) => row.id),
    verification: (await db.selectFrom("verification").select("id").orderBy("id").execute()).map((row) => row.id),
    invitation: (await db.selectFrom("invitation").select("id").orderBy("id").execute()).map((row) => row.id),
  };
}

async function remainingAccounts(database: Database, ids: string[]) {
  const { db } = database;
  return {
    user: (await db.selectFrom("user").select("id").where("id", "in", ids).execute()).map((row) => row.id).sort(),
    account: (await db.selectFrom("account").select("userId").where("userId", "in", ids).execute()).map((row) => row.userId).sort(),
  };
}

describe.each(dialects)("[%s] the retention sweep", (dialect) => {
  let test: TestDatabase;
  beforeAll(async () => {
    test = await createTestDatabase(dialect);
    await migrateToLatest(test.database);
  });
  afterAll(async () => test.destroy());

  it("deletes every row past its documented retention and nothing inside it, and records the round with its counts", async () => {
    const userId = await addUser(test.database);
    await seedBothSidesOfRetention(test.database, userId);
    await seedAccounts(test.database);

    const outcome = await runRound(test.database, sweep, "2026-03-02T12:00:00.000Z", now, "test-instance");

    const deleted = { invitation: 4, sign_in_failure: 1, idempotency_key: 1, invite_attempt_failure: 1, rateLimit: 1, session: 1, verification: 1, user: 1 };
    expect(outcome).toEqual({ ran: true, periodKey: "2026-03-02T12:00:00.000Z", result: deleted });
    expect(await remaining(test.database)).toEqual({
      sign_in_failure: ["sif-kept"],
      idempotency_key: ["idem-kept"],
      invite_attempt_failure: ["iaf-kept"],
      rateLimit: ["rl-kept"],
      session: ["session-kept", "session-of-unconfirmed"],
      verification: ["verification-kept"],
      invitation: ["invitation-kept"],
    });
    // The week-old unfinished sign-up is gone with its password hash; every other account stays.
    const seeded = [
      "confirmed-old",
      "unconfirmed-with-session",
      "unconfirmed-with-consent",
      "unconfirmed-with-notes",
      "unfinished-kept",
      "unfinished-old",
      "unfinished-relinked",
      userId,
    ];
    const survivors = seeded.filter((id) => id !== "unfinished-old").sort();
    expect(await remainingAccounts(test.database, seeded)).toEqual({ user: survivors, account: survivors });
    const recorded = await test.database.db.selectFrom("job_run").selectAll().where("period_key", "=", "2026-03-02T12:00:00.000Z").execute();
    expect(recorded).toHaveLength(1);
    expect({ job: recorded[0]?.job, instance: recorded[0]?.instance, result: JSON.parse(recorded[0]?.result ?? "null") as unknown }).toEqual({
      job: retentionJobName,
      instance: "test-instance",
      result: deleted,
    });
  });

  it("does a round once: a second try of the same period changes nothing; the next period runs, and prunes round records older than a week", async () => {
    const userId = await addUser(test.database);
    await test.database.db
      .insertInto("job_run")
      .values({
        job: retentionJobName,
        period_key: "2026-02-20T00:00:00.000Z",
        instance: "old",
        started_at: at(-jobRunKeepMs - 1),
        finished_at: at(-jobRunKeepMs - 1),
        result: "{}",
      })
      .execute();
    const first = await runRound(test.database, sweep, "2026-03-02T12:10:00.000Z", now);
    expect(first.ran).toBe(true);

    // Rows that expire after the first try: a second try of the same round leaves them alone.
    await test.database.db
      .insertInto("sign_in_failure")
      .values({ id: "sif-late", account_key: "b", client_key: "d", failed_at: at(-25 * hour) })
      .execute();
    await test.database.db
      .insertInto("idempotency_key")
      .values({ user_id: userId, key: "idem-late", route: "r", response: "x", request_fingerprint: "f", created_at: at(-25 * hour) })
      .execute();
    const again = await runRound(test.database, sweep, "2026-03-02T12:10:00.000Z", now);
    expect(again).toEqual({ ran: false, periodKey: "2026-03-02T12:10:00.000Z", reason: "done" });
    expect((await remaining(test.database)).sign_in_failure).toContain("sif-late");

    const next = await runRound(test.database, sweep, "2026-03-02T12:20:00.000Z", now);
    expect(next).toMatchObject({ ran: true, result: { sign_in_failure: 1, idempotency_key: 1 } });
    const periods = (await test.database.db.selectFrom("job_run").select("period_key").orderBy("period_key").execute()).map((row) => row.period_key);
    expect(periods).toEqual(["2026-03-02T12:00:00.000Z", "2026-03-02T12:10:00.000Z", "2026-03-02T12:20:00.000Z"]);
  });

  it("records nothing for a round whose work fails, so the round can be done again", async () => {
    const failing = { name: retentionJobName, work: async () => Promise.reject(new Error("disk full")) };
    await expect(runRound(test.database, failing, "2026-03-02T13:00:00.000Z", now)).rejects.toThrow("disk full");
    expect(await test.database.db.selectFrom("job_run").select("period_key").where("period_key", "=", "2026-03-02T13:00:00.000Z").execute()).toEqual([]);
    expect((await runRound(test.database, sweep, "2026-03-02T13:00:00.000Z", now)).ran).toBe(true);
  });
});

describe("[postgres] the retention sweep with two instances", () => {
  let test: TestDatabase;
  beforeAll(async () => {
    test = await createTestDatabase("postgres");
    await migrateToLatest(test.database);
  });
  afterAll(async () => test.destroy());

  it("skips at once while another instance is doing the round, and then finds it done", async () => {
    const other = test.reopen();
    try {
      let release: () => void = () => undefined;
      const gate = new Promise<void>((resolve) => (release = resolve));
      let entered: () => void = () => undefined;
      const inside = new Promise<void>((resolve) => (entered = resolve));
      const slow = {
        name: retentionJobName,
        work: async (...args: Parameters<typeof sweepExpiredRows>) => {
          entered();
          await gate;
          return sweepExpiredRows(...args);
        },
      };
      const first = runRound(test.database, slow, "2026-03-02T14:00:00.000Z", now, "instance-a");
      await inside;
      let secondWorked = false;
      const second = await runRound(
        other,
        { name: retentionJobName, work: async () => ((secondWorked = true), {}) },
        "2026-03-02T14:00:00.000Z",
        now,
        "instance-b",
      );
      expect(second).toEqual({ ran: false, periodKey: "2026-03-02T14:00:00.000Z", reason: "busy" });
      release();
      expect((await first).ran).toBe(true);
      expect(await runRound(other, sweep, "2026-03-02T14:00:00.000Z", now, "instance-b")).toMatchObject({ ran: false, reason: "done" });
      expect(secondWorked).toBe(false);
      const rows = await test.database.db.selectFrom("job_run").select(["period_key", "instance"]).execute();
      expect(rows).toEqual([{ period_key: "2026-03-02T14:00:00.000Z", instance: "instance-a" }]);
    } finally {
      await other.close();
    }
  });
});
