import type { Kysely } from "kysely";
import type { DB } from "../../db/schema.js";

// Failed code attempts: one count per person across partner and client invite codes.

/** A write refused by a unique index (either dialect): a code hash drawn twice, or two requests racing. */
export function isUniqueViolation(error: unknown): boolean {
  if (typeof error !== "object" || error === null) return false;
  const code = (error as { code?: unknown }).code;
  return code === "23505" || code === "SQLITE_CONSTRAINT_UNIQUE" || code === "SQLITE_CONSTRAINT_PRIMARYKEY";
}

export async function countFailuresSince(db: Kysely<DB>, userId: string, since: number): Promise<number> {
  const row = await db
    .selectFrom("invite_attempt_failure")
    .select((eb) => eb.fn.countAll<number | string>().as("n"))
    .where("user_id", "=", userId)
    .where("failed_at", ">", since)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** Records an attempt as failed, dropping the person's attempts older than the window. */
export async function recordAttempt(db: Kysely<DB>, values: { id: string; userId: string; now: number; olderThan: number }): Promise<void> {
  await db.deleteFrom("invite_attempt_failure").where("user_id", "=", values.userId).where("failed_at", "<=", values.olderThan).execute();
  await db.insertInto("invite_attempt_failure").values({ id: values.id, user_id: values.userId, failed_at: values.now }).execute();
}

export async function forgetAttempt(db: Kysely<DB>, id: string): Promise<void> {
  await db.deleteFrom("invite_attempt_failure").where("id", "=", id).execute();
}
