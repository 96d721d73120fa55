import { sql, type Kysely } from "kysely";
import type { DB } from "../../db/schema.js";
import type { RetentionCutoffs } from "./retention.policy.js";

/**
 * Everything that shows an account was used: what a person answered, wrote, linked, joined or
 * set up. The retention sweep never deletes an account that holds any of it.
 */
const accountContent: ReadonlyArray<{ table: keyof DB; column: string }> = [
  { table: "consent", column: "user_id" },
  { table: "assessment", column: "user_id" },
  { table: "check_in", column: "user_id" },
  { table: "exercise_completion", column: "user_id" },
  { table: "data_key", column: "user_id" },
  { table: "partner_invite", column: "inviter_id" },
  { table: "couple_member", column: "user_id" },
  { table: "partner_share", column: "owner_id" },
  { table: "member", column: "userId" },
  { table: "invitation", column: "inviterId" },
  { table: "twoFactor", column: "userId" },
  { table: "practice_client", column: "counsellor_id" },
  { table: "practice_client_member", column: "user_id" },
  { table: "client_invite", column: "counsellor_id" },
];

/** Rows deleted per table, by name. */
export type SweepCounts = Record<string, number>;

/** Deletes every row past its retention; each delete uses the table's time index (or primary key scan for Better Auth's small tables). */
export async function deleteExpiredRows(db: Kysely<DB>, cutoffs: RetentionCutoffs): Promise<SweepCounts> {
  const count = (result: { numDeletedRows: bigint }) => Number(result.numDeletedRows);
  return {
    // A practice's invitation is used up once answered or cancelled, and dead once expired (seven
    // days): it holds an address that may never have become an account (decision 030).
    invitation: count(
      await db
        .deleteFrom("invitation")
        .where((eb) => eb.or([eb("status", "!=", "pending"), eb("expiresAt", "<", cutoffs.expiredBefore)]))
        .executeTakeFirst(),
    ),
    sign_in_failure: count(await db.deleteFrom("sign_in_failure").where("failed_at", "<", cutoffs.signInFailureBefore).executeTakeFirst()),
    idempotency_key: count(await db.deleteFrom("idempotency_key").where("created_at", "<", cutoffs.idempotencyKeyBefore).executeTakeFirst()),
    invite_attempt_failure: count(
      await db.deleteFrom("invite_attempt_failure").where("failed_at", "<=", cutoffs.inviteAttemptFailureAtOrBefore).executeTakeFirst(),
    ),
    rateLimit: count(await db.deleteFrom("rateLimit").where("lastRequest", "<", cutoffs.rateLimitBefore).executeTakeFirst()),
    session: count(await db.deleteFrom("session").where("expiresAt", "<", cutoffs.expiredBefore).executeTakeFirst()),
    verification: count(await db.deleteFrom("verification").where("expiresAt", "<", cutoffs.expiredBefore).executeTakeFirst()),
    // An unfinished sign-up: the address was never confirmed (by the link with the password, or a
    // reset), so nobody ever signed in to it and it holds nothing but the account itself. Its age
    // is counted from its last change, which is when its newest link was sent (auth.ts); its
    // credential row goes with it (on delete cascade). An account with a session, or holding
    // anything a person made by using it, is never removed here, whatever its flag says: an
    // unfinished sign-up can have neither, but an account made by an older version may be left
    // unconfirmed with a life's data in it (issue 14). A person confirming at this moment either
    // commits first (then the flag keeps the row) or after (then their confirmation finds no
    // account and is refused like a wrong password).
    user: count(
      await db
        .deleteFrom("user")
        .where(sql<boolean>`not ${sql.ref("user.emailVerified")}`)
        .where("user.updatedAt", "<", cutoffs.unfinishedSignUpBefore)
        .where(({ not, exists, selectFrom, or }) =>
          not(
            or([
              exists(selectFrom("session").select("session.id").whereRef("session.userId", "=", "user.id")),
              ...accountContent.map(({ table, column }) =>
                exists(
                  selectFrom(table)
                    .select(sql.lit(1).as("one"))
                    .whereRef(sql.ref(`${table}.${column}`), "=", "user.id"),
                ),
              ),
            ]),
          ),
        )
        .executeTakeFirst(),
    ),
  };
}
