import type { Kysely } from "kysely";
import type { DB } from "../../db/schema.js";
import { decryptText, encryptText, newDataKey, unwrapDataKey, wrapDataKey, type Keyring, type Sealed } from "../../platform/crypto.js";
import { findDataKey, insertDataKeyIfAbsent, overwriteAndDeleteDataKey } from "./data-keys.repository.js";

/** A person's unwrapped data key, held in memory only for one request. */
export type DataKey = {
  userId: string;
  /**
   * Stored beside every ciphertext: `<key-encryption key id>:<user id>`. Only the user part
   * names the data key; the first part says which key wrapped it when the text was sealed, and
   * may be older than the key wrapping it now (rotation rewraps data keys, never texts).
   */
  keyId: string;
  key: Buffer;
};

function keyIdOf(kekId: string, userId: string): string {
  return `${kekId}:${userId}`;
}

function ownerOfKeyId(keyId: string): string {
  return keyId.slice(keyId.indexOf(":") + 1);
}

function unwrap(keyring: Keyring, userId: string, row: { keyId: string; wrappedKey: string }): DataKey {
  const kek = keyring.byId(row.keyId);
  if (!kek) {
    throw new Error(
      `A data key is wrapped by key "${row.keyId}", which this server does not hold (held: ${keyring.ids.join(", ")}). Restart it with the keys of the last rotation (docs/operations.md).`,
    );
  }
  return { userId, keyId: keyIdOf(row.keyId, userId), key: unwrapDataKey(kek, row.wrappedKey, userId) };
}

/** The person's data key, or null when they have never stored private text (or it was destroyed). */
export async function findUserDataKey(db: Kysely<DB>, kek: Keyring, userId: string): Promise<DataKey | null> {
  const row = await findDataKey(db, userId);
  return row ? unwrap(kek, userId, row) : null;
}

/** The person's data key, created (and stored wrapped) on first need. Call inside the write's transaction. */
export async function getOrCreateUserDataKey(db: Kysely<DB>, kek: Keyring, userId: string, nowMs: number): Promise<DataKey> {
  const existing = await findDataKey(db, userId);
  if (existing) return unwrap(kek, userId, existing);
  await insertDataKeyIfAbsent(db, userId, kek.current.id, wrapDataKey(kek.current, newDataKey(), userId), nowMs);
  const stored = await findDataKey(db, userId);
  if (!stored) throw new Error("Data key was not stored");
  return unwrap(kek, userId, stored);
}

/** Seals a person's private text; `binding` names the purpose and place, e.g. "check-in-note:<userId>:<week>". */
export function sealText(dataKey: DataKey, text: string, binding: string): { sealed: Sealed; keyId: string } {
  return { sealed: encryptText(dataKey.key, text, binding), keyId: dataKey.keyId };
}

/** Opens a sealed text stored with `keyId`; throws when it belongs to another key or place. */
export function openText(dataKey: DataKey, sealed: Sealed, keyId: string, binding: string): string {
  // Key ids name the person; errors end up in logs, so they say what went wrong, not whose.
  if (ownerOfKeyId(keyId) !== dataKey.userId) throw new Error("Ciphertext was sealed under another data key");
  return decryptText(dataKey.key, sealed, binding);
}

/**
 * Destroys a person's data key before their account is deleted: overwritten, then deleted, in one
 * transaction. Every note and reflection sealed under it is unreadable from then on, in the
 * database and in any copy of it (crypto-shredding, decisions 010 and 030). Runs while their rows
 * still exist; if the deletion that follows failed, their sealed text would already be gone, which
 * is what they asked for.
 */
export async function destroyDataKeyBeforeAccountDeletion(db: Kysely<DB>, userId: string): Promise<void> {
  await db.transaction().execute((trx) => overwriteAndDeleteDataKey(trx, userId));
}
