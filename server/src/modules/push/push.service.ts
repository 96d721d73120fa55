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
import { badRequest } from "../../domain/errors.js";
import { isPrivateEndpoint, type PushSender, type PushTarget } from "../../platform/web-push.js";
import { findUserDataKey, getOrCreateUserDataKey, openText, sealText } from "../data-keys/index.js";
import {
  countSubscriptions,
  deleteByEndpointHash,
  deleteById,
  deleteOwnByEndpointHash,
  insertSubscription,
  listDeliveredSubscriptionIds,
  listSubscriptions,
  recordDelivery,
} from "./push.repository.js";

/** `allowPrivateEndpoints`: PUSH_ALLOW_PRIVATE_ENDPOINTS (decision 072); otherwise an endpoint on this machine or a private network is refused. */
export type PushDeps = { db: Kysely<DB>; kek: Keyring; clock: Clock; allowPrivateEndpoints: boolean };

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
  if (!deps.allowPrivateEndpoints && isPrivateEndpoint(input.endpoint)) {
    throw badRequest("PUSH_ENDPOINT_NOT_ALLOWED", "This server sends push notices only to push services on the internet.", [
      { path: "endpoint", message: "names this machine or a private network" },
    ]);
  }
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

/** `delivered`: devices that took it now; `earlier`: devices that took it on an earlier try and were left alone; `gone`: devices forgotten. */
export type PushDelivery = { delivered: number; earlier: number; gone: number };

/**
 * Sends one notice (an outbox row, `messageId`) to each of a person's devices that has not taken it
 * yet, and writes down each device that takes it as soon as it does (decision 071); forgets devices
 * whose push service answers 404 or 410. When a device failed for another reason, it throws after
 * trying the others, so the outbox tries again later, and then only the devices that did not take
 * it get it: no device gets one notice twice, unless the process dies between a push service
 * accepting it and that one write.
 */
export async function sendPushToPerson(
  deps: { db: Kysely<DB>; kek: Keyring; sender: PushSender; clock: Clock },
  userId: string,
  payload: string,
  messageId: string,
): Promise<PushDelivery> {
  const devices = await listSubscriptions(deps.db, userId);
  const result: PushDelivery = { delivered: 0, earlier: 0, gone: 0 };
  if (devices.length === 0) return result;
  const dataKey = await findUserDataKey(deps.db, deps.kek, userId);
  if (dataKey === null) return result;
  const tookIt = await listDeliveredSubscriptionIds(deps.db, messageId);
  let failure: unknown;
  for (const device of devices) {
    if (tookIt.has(device.id)) {
      result.earlier += 1;
      continue;
    }
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
      } else {
        await recordDelivery(deps.db, messageId, device.id, deps.clock.now().getTime());
        result.delivered += 1;
      }
    } catch (error) {
      failure = error;
    }
  }
  if (failure !== undefined) throw failure;
  return result;
}

/** The outbox's way to send a push notice (decisions 046, 071): sent when some device has it, skipped when the person has none. */
export function createPushDeliverer(deps: { db: Kysely<DB>; kek: Keyring; sender: PushSender; clock: Clock }) {
  return async (userId: string, payload: string, messageId: string): Promise<"sent" | "skipped"> => {
    const result = await sendPushToPerson(deps, userId, payload, messageId);
    return result.delivered + result.earlier > 0 ? "sent" : "skipped";
  };
}
