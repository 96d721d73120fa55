// A person's devices for Web Push (decision 060): subscribe this device, unsubscribe it (sign-out
// on it, or turning push off), and send one neutral notice to each of their devices, forgetting
// the ones their push service says are gone. The subscription (endpoint and keys) is sealed with
// the person's data key, so an account deletion shreds it with everything else of theirs.
import { createHash, randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import { MAX_PUSH_DEVICES, type PushSubscriptionInput } from "@mutual/core";
import type { DB } from "../../db/schema.js";
import type { Clock } from "../../platform/clock.js";
import type { Keyring } from "../../platform/crypto.js";
import type { PushSender, PushTarget } from "../../platform/web-push.js";
import { findUserDataKey, getOrCreateUserDataKey, openText, sealText } from "../data-keys/index.js";
import { countSubscriptions, deleteByEndpointHash, deleteById, deleteOwnByEndpointHash, insertSubscription, listSubscriptions } from "./push.repository.js";

export type PushDeps = { db: Kysely<DB>; kek: Keyring; clock: Clock };

/** Finds a device again without opening any subscription. */
function endpointHashOf(endpoint: string): string {
  return createHash("sha256").update(endpoint, "utf8").digest("base64url");
}

/** What the sealed text is bound to: a subscription cannot be moved to another row and opened there. */
const bindingOf = (userId: string, id: string) => `push-subscription:${userId}:${id}`;

/**
 * Turns push on for this device: kept sealed for this person; a device someone else had subscribed
 * is theirs no longer (the last person signed in on a device is the one it belongs to). Past
 * MAX_PUSH_DEVICES, the device subscribed longest ago is forgotten. Returns how many devices now.
 */
export async function subscribeDevice(deps: PushDeps, userId: string, input: PushSubscriptionInput): Promise<number> {
  const nowMs = deps.clock.now().getTime();
  const target: PushTarget = { endpoint: input.endpoint, keys: { p256dh: input.keys.p256dh, auth: input.keys.auth } };
  return deps.db.transaction().execute(async (trx) => {
    const dataKey = await getOrCreateUserDataKey(trx, deps.kek, userId, nowMs);
    const id = randomUUID();
    const { sealed, keyId } = sealText(dataKey, JSON.stringify(target), bindingOf(userId, id));
    await deleteByEndpointHash(trx, endpointHashOf(input.endpoint));
    await insertSubscription(trx, { id, userId, endpointHash: endpointHashOf(input.endpoint), sealed, keyId, createdAtMs: nowMs });
    const devices = await listSubscriptions(trx, userId);
    for (const old of devices.slice(MAX_PUSH_DEVICES)) await deleteById(trx, old.id);
    return Math.min(devices.length, MAX_PUSH_DEVICES);
  });
}

/** Turns push off for this device (sign-out on it, or the person's choice); another person's device is left alone. */
export async function unsubscribeDevice(deps: PushDeps, userId: string, endpoint: string): Promise<number> {
  await deleteOwnByEndpointHash(deps.db, userId, endpointHashOf(endpoint));
  return countSubscriptions(deps.db, userId);
}

export async function countDevices(db: Kysely<DB>, userId: string): Promise<number> {
  return countSubscriptions(db, userId);
}

/** For the person's data export: when push was turned on on each of their devices. */
export async function listDevicesForExport(db: Kysely<DB>, userId: string): Promise<Array<{ subscribedAt: string }>> {
  return (await listSubscriptions(db, userId)).map((device) => ({ subscribedAt: new Date(device.createdAtMs).toISOString() }));
}

export type PushDelivery = { delivered: number; gone: number };

/**
 * Sends one payload to each of a person's devices; forgets those whose push service answers 404
 * or 410. Throws (so the outbox tries again later) only when no device took it and one failed
 * for another reason; a device that did take it may then get it a second time, the price of not
 * keeping a row per device.
 */
export async function sendPushToPerson(deps: { db: Kysely<DB>; kek: Keyring; sender: PushSender }, userId: string, payload: string): Promise<PushDelivery> {
  const devices = await listSubscriptions(deps.db, userId);
  const result: PushDelivery = { delivered: 0, gone: 0 };
  if (devices.length === 0) return result;
  const dataKey = await findUserDataKey(deps.db, deps.kek, userId);
  if (dataKey === null) return result;
  let failure: unknown;
  for (const device of devices) {
    let target: PushTarget;
    try {
      target = JSON.parse(openText(dataKey, device.sealed, device.keyId, bindingOf(userId, device.id))) as PushTarget;
    } catch {
      // Sealed under a key that no longer opens it: the device cannot be reached; forget it.
      await deleteById(deps.db, device.id);
      result.gone += 1;
      continue;
    }
    try {
      if ((await deps.sender.send(target, payload)) === "gone") {
        await deleteById(deps.db, device.id);
        result.gone += 1;
      } else result.delivered += 1;
    } catch (error) {
      failure = error;
    }
  }
  if (result.delivered === 0 && failure !== undefined) throw failure;
  return result;
}
