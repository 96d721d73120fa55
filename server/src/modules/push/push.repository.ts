import type { Kysely } from "kysely";
import type { DB } from "../../db/schema.js";

export type StoredPushSubscription = { id: string; userId: string; sealed: string; keyId: string; createdAtMs: number };

/** Forgets a device whoever it belonged to (it is being subscribed again, maybe by someone else). */
export async function deleteByEndpointHash(db: Kysely<DB>, endpointHash: string): Promise<void> {
  await db.deleteFrom("push_subscription").where("endpoint_hash", "=", endpointHash).execute();
}

/** Forgets one of a person's devices; nobody else's. True when there was one. */
export async function deleteOwnByEndpointHash(db: Kysely<DB>, userId: string, endpointHash: string): Promise<boolean> {
  const result = await db.deleteFrom("push_subscription").where("user_id", "=", userId).where("endpoint_hash", "=", endpointHash).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

export async function deleteById(db: Kysely<DB>, id: string): Promise<void> {
  await db.deleteFrom("push_subscription").where("id", "=", id).execute();
}

export async function insertSubscription(
  db: Kysely<DB>,
  row: { id: string; userId: string; endpointHash: string; sealed: string; keyId: string; createdAtMs: number },
): Promise<void> {
  await db
    .insertInto("push_subscription")
    .values({ id: row.id, user_id: row.userId, endpoint_hash: row.endpointHash, sealed: row.sealed, key_id: row.keyId, created_at: row.createdAtMs })
    .execute();
}

/** A person's devices, the most recently subscribed first. */
export async function listSubscriptions(db: Kysely<DB>, userId: string): Promise<StoredPushSubscription[]> {
  const rows = await db
    .selectFrom("push_subscription")
    .select(["id", "user_id", "sealed", "key_id", "created_at"])
    .where("user_id", "=", userId)
    .orderBy("created_at", "desc")
    .orderBy("id")
    .execute();
  return rows.map((row) => ({ id: row.id, userId: row.user_id, sealed: row.sealed, keyId: row.key_id, createdAtMs: Number(row.created_at) }));
}

export async function countSubscriptions(db: Kysely<DB>, userId: string): Promise<number> {
  const row = await db
    .selectFrom("push_subscription")
    .select((eb) => eb.fn.countAll<number | string>().as("count"))
    .where("user_id", "=", userId)
    .executeTakeFirst();
  return Number(row?.count ?? 0);
}

/** The devices that already took one notice (decision 071). */
export async function listDeliveredSubscriptionIds(db: Kysely<DB>, outboxMessageId: string): Promise<Set<string>> {
  const rows = await db.selectFrom("push_delivery").select("subscription_id").where("outbox_message_id", "=", outboxMessageId).execute();
  return new Set(rows.map((row) => row.subscription_id));
}

/** This device took this notice; a retry leaves it alone. */
export async function recordDelivery(db: Kysely<DB>, outboxMessageId: string, subscriptionId: string, nowMs: number): Promise<void> {
  await db
    .insertInto("push_delivery")
    .values({ outbox_message_id: outboxMessageId, subscription_id: subscriptionId, delivered_at: nowMs })
    .onConflict((conflict) => conflict.columns(["outbox_message_id", "subscription_id"]).doNothing())
    .execute();
}
