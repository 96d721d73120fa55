// Issue 14: an upgrade must lose no one. A database made by an older version (when sign-up signed
// people in at once and never confirmed their address) holds people in every state; it is
// upgraded to now and swept by the retention job a month later: everyone who holds anything
// keeps it and can sign in; only a sign-up never finished under the new rule goes.
import { Migrator, sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, type TestApp } from "../../test/build-test-app.js";
import { newPersonDetails, nextTestIp, sameOrigin, signIn, signUp, type TestPerson } from "../../test/auth-helpers.js";
import { completeProfileVia, giveConsentVia } from "../../test/assessment-helpers.js";
import { linkCouple } from "../../test/couple-helpers.js";
import { createPractice } from "../../test/practice-helpers.js";
import { dialects } from "../../test/test-databases.js";
import { runRound } from "../platform/scheduled-job.js";
import { retentionJobName, sweepExpiredRows } from "../modules/retention/index.js";
import { migrations } from "./migrations/index.js";

/** The last migration of the version whose sign-up signed people in at once. */
const olderVersion = "20261124T2100_deployment-norms";

describe.each(dialects)("[%s] upgrading a database made by an older version", (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp(dialect);
  });
  afterAll(async () => t.close());

  it("keeps and lets in everyone who holds anything, and sweeps only a sign-up never finished", async () => {
    const db = t.database.db;
    const schema = dialect === "postgres" ? (await sql<{ schema: string }>`select current_schema() as schema`.execute(db)).rows[0]?.schema : undefined;
    const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations }, ...(schema ? { migrationTableSchema: schema } : {}) });

    const no = dialect === "sqlite" ? 0 : false;
    const at = (iso: string) => (dialect === "sqlite" ? iso : new Date(iso));
    const idOf = async (person: { email: string }) =>
      (await db.selectFrom("user").select("id").where("email", "=", person.email.toLowerCase()).executeTakeFirstOrThrow()).id;
    /** As the older version left an account: never confirmed, made (and last changed) on `madeAt`, with or without a live session. */
    const leaveAsOlderVersionDid = async (person: TestPerson, madeAt: string, keepSession: boolean) => {
      const id = await idOf(person);
      await db
        .updateTable("user")
        .set({ emailVerified: no, createdAt: at(madeAt), updatedAt: at(madeAt) })
        .where("id", "=", id)
        .execute();
      if (!keepSession) await db.deleteFrom("session").where("userId", "=", id).execute();
    };
    const checkIn = async (person: TestPerson, note: string) => {
      const response = await t.app.inject({
        method: "PUT",
        url: "/api/check-ins/current",
        headers: { ...sameOrigin, cookie: person.cookie },
        payload: { timeZone: "UTC", answers: { wePulse: 5, mePulse: 4, note } },
      });
      expect(response.statusCode).toBe(200);
    };

    // Every state the older version could leave: made after the link became required, so the
    // earlier confirmation (20261124T2200) does not reach them by date.
    const afterTheChange = "2026-12-01T08:00:00Z";
    const confirmedWithData = await signUp(t.app);
    await giveConsentVia(t.app, confirmedWithData.cookie);
    await checkIn(confirmedWithData, "confirmed and writing");
    const profileNoSession = await signUp(t.app);
    await giveConsentVia(t.app, profileNoSession.cookie);
    await completeProfileVia(t.app, profileNoSession.cookie);
    await checkIn(profileNoSession, "my whole year is in here");
    const withSession = await signUp(t.app);
    await giveConsentVia(t.app, withSession.cookie);
    const practiceOwner = await signUp(t.app);
    await createPractice(t.app, practiceOwner, "Harbour Counselling");
    const partnerA = await signUp(t.app);
    const partnerB = await signUp(t.app);
    await linkCouple(t.app, partnerA, partnerB);
    const madeLongAgo = await signUp(t.app);
    // Under the new rule: a sign-up that was never finished (no link opened, nothing in it).
    const unfinished = newPersonDetails();
    expect(
      (await t.app.inject({ method: "POST", url: "/api/auth/sign-up/email", headers: sameOrigin, payload: unfinished, remoteAddress: nextTestIp() }))
        .statusCode,
    ).toBe(200);

    // The data is today's code's; the schema goes back to the older version's, and each account
    // is left as that version left it.
    expect((await migrator.migrateTo(olderVersion)).error).toBeUndefined();
    for (const person of [profileNoSession, practiceOwner, partnerA, partnerB]) await leaveAsOlderVersionDid(person, afterTheChange, false);
    await leaveAsOlderVersionDid(withSession, afterTheChange, true);
    await leaveAsOlderVersionDid(madeLongAgo, "2026-10-01T09:00:00Z", false);
    await db
      .updateTable("user")
      .set({ updatedAt: at(afterTheChange), createdAt: at(afterTheChange) })
      .where("email", "=", unfinished.email.toLowerCase())
      .execute();
    const notesBefore = await db
      .selectFrom("check_in")
      .select(({ fn }) => fn.countAll<number | string>().as("n"))
      .executeTakeFirstOrThrow();

    expect((await migrator.migrateToLatest()).error).toBeUndefined();
    // A month later: well past the week an unfinished sign-up is kept.
    const monthLater = new Date("2027-01-05T12:00:00Z");
    expect((await runRound(t.database, { name: retentionJobName, work: sweepExpiredRows }, monthLater.toISOString(), monthLater)).ran).toBe(true);

    const everyoneWithSomething = { confirmedWithData, profileNoSession, withSession, practiceOwner, partnerA, partnerB, madeLongAgo };
    for (const [who, person] of Object.entries(everyoneWithSomething)) {
      const answer = await signIn(t.app, person.email, person.password);
      expect({ who, status: answer.statusCode }).toEqual({ who, status: 200 });
    }
    expect(await db.selectFrom("user").select("id").where("email", "=", unfinished.email.toLowerCase()).executeTakeFirst()).toBeUndefined();
    const notesAfter = await db
      .selectFrom("check_in")
      .select(({ fn }) => fn.countAll<number | string>().as("n"))
      .executeTakeFirstOrThrow();
    expect(Number(notesAfter.n)).toBe(Number(notesBefore.n));
    const profiles = await db
      .selectFrom("assessment")
      .select("id")
      .where("user_id", "=", await idOf(profileNoSession))
      .execute();
    expect(profiles.length).toBeGreaterThan(0);
  });
});
