import type { Kysely } from "kysely";
import type { DB } from "../../db/schema.js";
import type { RetentionCutoffs } from "./retention.policy.js";

/** Rows deleted per table, by name. */
export type SweepCounts = Record<string, number>;

/** Deletes every row past its retention; each delete uses the table's time index (or primary key scan for Better Auth's small tables). */
export async function deleteExpiredRows(db: Kysely<DB>, cutoffs: RetentionCutoffs): Promise<SweepCounts> {
  const count = (result: { numDeletedRows: bigint }) => Number(result.numDeletedRows);
  return {
    sign_in_failure: count(await db.deleteFrom("sign_in_failure").where("failed_at", "<", cutoffs.signInFailureBefore).executeTakeFirst()),
    idempotency_key: count(await db.deleteFrom("idempotency_key").where("created_at", "<", cutoffs.idempotencyKeyBefore).executeTakeFirst()),
    invite_attempt_failure: count(
      await db.deleteFrom("invite_attempt_failure").where("failed_at", "<=", cutoffs.inviteAttemptFailureAtOrBefore).executeTakeFirst(),
    ),
    rateLimit: count(await db.deleteFrom("rateLimit").where("lastRequest", "<", cutoffs.rateLimitBefore).executeTakeFirst()),
    session: count(await db.deleteFrom("session").where("expiresAt", "<", cutoffs.expiredBefore).executeTakeFirst()),
    verification: count(await db.deleteFrom("verification").where("expiresAt", "<", cutoffs.expiredBefore).executeTakeFirst()),
  };
}
