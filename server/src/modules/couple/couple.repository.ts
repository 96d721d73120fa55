import { sql, type Kysely } from "kysely";
import type { ShareScope } from "@mutual/core";
import type { DB } from "../../db/schema.js";
import type { InviteRecord, Membership } from "./couple.policy.js";

const toMs = (value: number | string) => Number(value);

// ---- invites ----

/** The person's pending invite (expired or not), or null. */
export async function findPendingInvite(db: Kysely<DB>, inviterId: string): Promise<{ id: string; createdAt: number; expiresAt: number } | null> {
  const row = await db
    .selectFrom("partner_invite")
    .select(["id", "created_at", "expires_at"])
    .where("inviter_id", "=", inviterId)
    .where("status", "=", "pending")
    .executeTakeFirst();
  return row ? { id: row.id, createdAt: toMs(row.created_at), expiresAt: toMs(row.expires_at) } : null;
}

/** Closes the person's pending invite, if any. */
export async function cancelPendingInvite(db: Kysely<DB>, inviterId: string, now: number): Promise<void> {
  await db
    .updateTable("partner_invite")
    .set({ status: "cancelled", closed_at: now })
    .where("inviter_id", "=", inviterId)
    .where("status", "=", "pending")
    .execute();
}

export async function insertInvite(
  db: Kysely<DB>,
  values: { id: string; inviterId: string; codeHash: string; createdAt: number; expiresAt: number },
): Promise<void> {
  await db
    .insertInto("partner_invite")
    .values({
      id: values.id,
      inviter_id: values.inviterId,
      code_hash: values.codeHash,
      created_at: values.createdAt,
      expires_at: values.expiresAt,
      status: "pending",
      accepted_by: null,
      closed_at: null,
    })
    .execute();
}

/** The invite with this code hash and its inviter's current name, or null. */
export async function findInviteByHash(db: Kysely<DB>, codeHash: string): Promise<InviteRecord | null> {
  const row = await db
    .selectFrom("partner_invite")
    .innerJoin("user", "user.id", "partner_invite.inviter_id")
    .select([
      "partner_invite.id as id",
      "partner_invite.inviter_id as inviter_id",
      "user.name as inviter_name",
      "partner_invite.created_at as created_at",
      "partner_invite.expires_at as expires_at",
      "partner_invite.status as status",
      "partner_invite.accepted_by as accepted_by",
    ])
    .where("partner_invite.code_hash", "=", codeHash)
    .executeTakeFirst();
  if (!row) return null;
  return {
    id: row.id,
    inviterId: row.inviter_id,
    inviterName: row.inviter_name,
    createdAt: toMs(row.created_at),
    expiresAt: toMs(row.expires_at),
    status: row.status,
    acceptedBy: row.accepted_by,
  };
}

/**
 * Marks an invite accepted only if it is still pending and unexpired (a conditional update: of
 * two people accepting the same code at once, exactly one changes the row). True if this did.
 */
export async function markInviteAccepted(db: Kysely<DB>, inviteId: string, acceptedBy: string, now: number): Promise<boolean> {
  const result = await db
    .updateTable("partner_invite")
    .set({ status: "accepted", accepted_by: acceptedBy, closed_at: now })
    .where("id", "=", inviteId)
    .where("status", "=", "pending")
    .where("expires_at", ">", now)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

// ---- couples ----

/** The person's active couple with their partner, or null. */
export async function findActiveMembership(db: Kysely<DB>, userId: string): Promise<Membership | null> {
  const row = await db
    .selectFrom("couple_member as me")
    .innerJoin("couple", "couple.id", "me.couple_id")
    .innerJoin("couple_member as other", (join) => join.onRef("other.couple_id", "=", "me.couple_id").onRef("other.user_id", "<>", "me.user_id"))
    .innerJoin("user", "user.id", "other.user_id")
    .select(["couple.id as couple_id", "couple.created_at as since", "other.user_id as partner_id", "user.name as partner_name"])
    .where("me.user_id", "=", userId)
    .where("me.left_at", "is", null)
    .where("other.left_at", "is", null)
    .where("couple.ended_at", "is", null)
    .executeTakeFirst();
  return row ? { coupleId: row.couple_id, since: toMs(row.since), partnerId: row.partner_id, partnerName: row.partner_name } : null;
}

/** When the person's most recent couple ended, or null if none has. */
export async function findLastLeftAt(db: Kysely<DB>, userId: string): Promise<number | null> {
  const row = await db
    .selectFrom("couple_member")
    .select((eb) => eb.fn.max("left_at").as("left_at"))
    .where("user_id", "=", userId)
    .where("left_at", "is not", null)
    .executeTakeFirst();
  return row?.left_at === null || row?.left_at === undefined ? null : Number(row.left_at);
}

/** A couple of two; the partial unique index refuses a member who is already in an active couple. */
export async function insertCouple(db: Kysely<DB>, values: { id: string; memberIds: readonly [string, string]; now: number }): Promise<void> {
  await db.insertInto("couple").values({ id: values.id, created_at: values.now, ended_at: null }).execute();
  await db
    .insertInto("couple_member")
    .values(values.memberIds.map((userId) => ({ couple_id: values.id, user_id: userId, joined_at: values.now, left_at: null })))
    .execute();
}

/**
 * Closes the person's membership of a couple whose other member is gone or has left (a link
 * that did not end cleanly, e.g. an account removed outside the app), so it cannot block a new link.
 */
export async function closeOrphanedMembership(db: Kysely<DB>, userId: string, now: number): Promise<void> {
  await db
    .updateTable("couple_member as mine")
    .set({ left_at: now })
    .where("mine.user_id", "=", userId)
    .where("mine.left_at", "is", null)
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom("couple_member as other")
            .select("other.user_id")
            .whereRef("other.couple_id", "=", "mine.couple_id")
            .whereRef("other.user_id", "<>", "mine.user_id")
            .where("other.left_at", "is", null),
        ),
      ),
    )
    .execute();
}

/**
 * Locks the couple's row while it is active, for a write that must not land in an ended couple
 * (a no-op update: it waits for, and then sees, an unlink committing at the same time on
 * PostgreSQL; SQLite runs one writer at a time). False when the couple has ended.
 */
export async function lockActiveCouple(db: Kysely<DB>, coupleId: string): Promise<boolean> {
  const result = await db
    .updateTable("couple")
    .set({ created_at: sql<number>`created_at` })
    .where("id", "=", coupleId)
    .where("ended_at", "is", null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** Closes one invite if it is still pending (an invite whose inviter has meanwhile linked with someone else). */
export async function cancelInvite(db: Kysely<DB>, inviteId: string, now: number): Promise<void> {
  await db.updateTable("partner_invite").set({ status: "cancelled", closed_at: now }).where("id", "=", inviteId).where("status", "=", "pending").execute();
}

/** Turns an invite claimed in this transaction into a cancelled one (its inviter turned out to be linked). */
export async function withdrawClaim(db: Kysely<DB>, inviteId: string): Promise<void> {
  await db.updateTable("partner_invite").set({ status: "cancelled", accepted_by: null }).where("id", "=", inviteId).where("status", "=", "accepted").execute();
}

/** Ends a couple for both members and ends every share of it. */
export async function endCouple(db: Kysely<DB>, coupleId: string, now: number): Promise<void> {
  await db.updateTable("couple").set({ ended_at: now }).where("id", "=", coupleId).where("ended_at", "is", null).execute();
  await db.updateTable("couple_member").set({ left_at: now }).where("couple_id", "=", coupleId).where("left_at", "is", null).execute();
  await db.deleteFrom("partner_share").where("couple_id", "=", coupleId).execute();
}

// ---- shares ----

/** Every current share of a couple. */
export async function listShares(db: Kysely<DB>, coupleId: string): Promise<Array<{ ownerId: string; scope: ShareScope }>> {
  const rows = await db.selectFrom("partner_share").select(["owner_id", "scope"]).where("couple_id", "=", coupleId).execute();
  return rows.map((row) => ({ ownerId: row.owner_id, scope: row.scope }));
}

/** The owner's shares in the couple become exactly `scopes`; unchanged scopes keep their grant time. */
export async function replaceShares(db: Kysely<DB>, values: { coupleId: string; ownerId: string; scopes: readonly ShareScope[]; now: number }): Promise<void> {
  let removal = db.deleteFrom("partner_share").where("couple_id", "=", values.coupleId).where("owner_id", "=", values.ownerId);
  if (values.scopes.length > 0) removal = removal.where("scope", "not in", [...values.scopes]);
  await removal.execute();
  if (values.scopes.length === 0) return;
  await db
    .insertInto("partner_share")
    .values(values.scopes.map((scope) => ({ couple_id: values.coupleId, owner_id: values.ownerId, scope, granted_at: values.now })))
    .onConflict((conflict) => conflict.columns(["couple_id", "owner_id", "scope"]).doNothing())
    .execute();
}

/** The person's current shares with their partner (for their export), oldest grant first. */
export async function listSharesOf(db: Kysely<DB>, coupleId: string, ownerId: string): Promise<Array<{ scope: ShareScope; grantedAt: number }>> {
  const rows = await db
    .selectFrom("partner_share")
    .select(["scope", "granted_at"])
    .where("couple_id", "=", coupleId)
    .where("owner_id", "=", ownerId)
    .orderBy("granted_at", "asc")
    .execute();
  return rows.map((row) => ({ scope: row.scope, grantedAt: toMs(row.granted_at) }));
}
