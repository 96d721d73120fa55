import type { Kysely } from "kysely";
import { dialectOf } from "./dialect-of.js";

// Until sign-up needed the emailed link (decision 020), an account was signed in at sign-up and
// had full access whether or not its address was ever confirmed. Since then, an unconfirmed
// address cannot sign in: its right password answers 401 and a link is mailed without saying so,
// which locks those earlier people out. They are marked confirmed here, as they had been in effect.
//
// Not every unconfirmed account, though: a deployment that already ran the new sign-up may hold
// unfinished sign-ups, some perhaps started by someone else with a person's address (with a
// password they chose). Confirming those would hand that person's address to them. An account
// is taken as an earlier one when it was made before the change existed (the commit that made
// the link required is dated below), or when it ever had a session: an unfinished sign-up never
// has one, since only the link (or a password reset, which confirms too) signs it in.
const linkRequiredSince = Date.parse("2026-11-24T10:55:27Z");
const batchSize = 500;

export async function up(db: Kysely<any>): Promise<void> {
  // SQLite keeps booleans as 0/1 (schema.ts); PostgreSQL as booleans.
  const [no, yes] = (await dialectOf(db)) === "postgres" ? [false, true] : [0, 1];
  const unconfirmed = (await db
    .selectFrom("user")
    .select((eb) => [
      "user.id as id",
      "user.createdAt as createdAt",
      eb.selectFrom("session").select(eb.fn.countAll().as("n")).whereRef("session.userId", "=", "user.id").as("sessions"),
    ])
    .where("user.emailVerified", "=", no)
    .execute()) as Array<{ id: string; createdAt: unknown; sessions: unknown }>;
  const earlier = unconfirmed.filter((row) => Number(row.sessions) > 0 || madeBeforeTheChange(row.createdAt)).map((row) => row.id);
  for (let start = 0; start < earlier.length; start += batchSize) {
    await db.updateTable("user").set({ emailVerified: yes }).where("id", "in", earlier.slice(start, start + batchSize)).execute();
  }
}

/** Dates come back as Date (PostgreSQL) or ISO text (SQLite); one that cannot be read does not count. */
function madeBeforeTheChange(createdAt: unknown): boolean {
  const time = createdAt instanceof Date ? createdAt.getTime() : typeof createdAt === "string" || typeof createdAt === "number" ? new Date(createdAt).getTime() : Number.NaN;
  return Number.isFinite(time) && time < linkRequiredSince;
}

// Which addresses were confirmed by this migration rather than by a person is not kept: nothing to undo.
export async function down(): Promise<void> {}
