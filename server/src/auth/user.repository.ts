import type { Kysely } from "kysely";
import { storedBoolean, type Dialect } from "../db/database.js";
import type { DB } from "../db/schema.js";

// The few writes to Better Auth's user table that Mutual makes itself (decision 020).

/** The retention sweep counts an unfinished sign-up's week from its last change: a new link restarts it. */
export async function markLinkSent(db: Kysely<DB>, dialect: Dialect, userId: string, nowIso: string): Promise<void> {
  await db.updateTable("user").set({ updatedAt: nowIso }).where("id", "=", userId).where("emailVerified", "=", storedBoolean(dialect, false)).execute();
}

/** The address is proven (a reset through the emailed link). */
export async function markEmailVerified(db: Kysely<DB>, dialect: Dialect, userId: string): Promise<void> {
  await db
    .updateTable("user")
    .set({ emailVerified: storedBoolean(dialect, true) })
    .where("id", "=", userId)
    .execute();
}

/** Removes a sign-up just made whose link could not be sent: never confirmed, never signed in. */
export async function removeUnsentSignUp(db: Kysely<DB>, dialect: Dialect, userId: string): Promise<void> {
  await db
    .deleteFrom("user")
    .where("id", "=", userId)
    .where("emailVerified", "=", storedBoolean(dialect, false))
    .where(({ not, exists, selectFrom }) => not(exists(selectFrom("session").select("session.id").whereRef("session.userId", "=", "user.id"))))
    .execute();
}
