import { CompiledQuery, type Kysely } from "kysely";
import type { DB } from "../db/schema.js";

function buildSessionQuery(db: Kysely<DB>, token: string) {
  return db
    .selectFrom("session")
    .innerJoin("user", "user.id", "session.userId")
    .select((eb) => [
      "session.id as sessionId",
      "session.expiresAt as expiresAt",
      "session.createdAt as sessionCreatedAt",
      "session.updatedAt as lastUseAt",
      // A member of any practice can reach clients' data: their sessions idle out sooner (decision 032).
      eb.exists(eb.selectFrom("member").select("member.id").whereRef("member.userId", "=", "user.id")).as("isPracticeMember"),
      "user.id as userId",
      "user.name as name",
      "user.email as email",
      "user.emailVerified as emailVerified",
      "user.twoFactorEnabled as twoFactorEnabled",
      "user.createdAt as createdAt",
    ])
    .where("session.token", "=", token);
}

export type SessionWithUser = NonNullable<Awaited<ReturnType<ReturnType<typeof buildSessionQuery>["executeTakeFirst"]>>>;

// Every signed-in request runs this query, so it is compiled once per database handle
// and reused with a new parameter: same SQL for the dialect, no query building per call.
const compiledByDatabase = new WeakMap<Kysely<DB>, CompiledQuery<SessionWithUser>>();

/** The session with this token and its person, in one indexed query. */
export async function findSessionWithUser(db: Kysely<DB>, token: string): Promise<SessionWithUser | undefined> {
  let compiled = compiledByDatabase.get(db);
  if (!compiled) {
    compiled = buildSessionQuery(db, "").compile();
    compiledByDatabase.set(db, compiled);
  }
  const result = await db.executeQuery(CompiledQuery.raw(compiled.sql, [token]) as CompiledQuery<SessionWithUser>);
  return result.rows[0];
}

/** Whether the person belongs to any practice (counsellor, admin or owner). */
export async function isPracticeMember(db: Kysely<DB>, userId: string): Promise<boolean> {
  return (await db.selectFrom("member").select("id").where("userId", "=", userId).limit(1).executeTakeFirst()) !== undefined;
}

/** Records a session's use and moves its end (both ISO text: SQLite keeps Better Auth's dates as text, PostgreSQL parses it). */
export async function recordSessionUse(db: Kysely<DB>, sessionId: string, usedAt: Date, endsAt: Date): Promise<void> {
  await db.updateTable("session").set({ updatedAt: usedAt.toISOString(), expiresAt: endsAt.toISOString() }).where("id", "=", sessionId).execute();
}
