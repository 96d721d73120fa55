import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";

// Envelope encryption for private text (check-in notes, reflections): each person has a
// data key (AES-256) that encrypts their text; the data key is stored only wrapped by the
// key-encryption key from the environment. Deleting the wrapped data key makes every
// ciphertext of that person unreadable (crypto-shredding). AES-256-GCM throughout; the
// associated data binds each ciphertext to its owner and purpose, so a ciphertext copied
// to another row does not decrypt.

const algorithm = "aes-256-gcm";
const ivBytes = 12;
const tagBytes = 16;
export const keyBytes = 32;

export type KeyEncryptionKey = { id: string; key: Buffer };

/**
 * The key-encryption keys a server holds (decision 028): `current` wraps every new data key;
 * every key, current or being rotated out, opens the data keys wrapped by it, found by id.
 */
export type Keyring = {
  readonly current: KeyEncryptionKey;
  byId(id: string): KeyEncryptionKey | undefined;
  readonly ids: readonly string[];
};

/** A keyring of one current key and the keys being rotated out. */
export function keyringOf(current: KeyEncryptionKey, previous: readonly KeyEncryptionKey[] = []): Keyring {
  const byId = new Map<string, KeyEncryptionKey>([...previous.map((key) => [key.id, key] as const), [current.id, current]]);
  return { current, byId: (id) => byId.get(id), ids: [...byId.keys()] };
}

/** A sealed value: version, iv, tag and ciphertext, base64url, dot-separated. */
export type Sealed = string;

export function seal(key: Buffer, plaintext: Buffer, associatedData: string): Sealed {
  const iv = randomBytes(ivBytes);
  const cipher = createCipheriv(algorithm, key, iv, { authTagLength: tagBytes });
  cipher.setAAD(Buffer.from(associatedData, "utf8"));
  const ciphertext = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return ["v1", iv.toString("base64url"), cipher.getAuthTag().toString("base64url"), ciphertext.toString("base64url")].join(".");
}

/** Opens a sealed value; throws when the key, the associated data or the bytes are wrong. */
export function open(key: Buffer, sealed: Sealed, associatedData: string): Buffer {
  const [version, iv, tag, ciphertext] = sealed.split(".");
  if (version !== "v1" || iv === undefined || tag === undefined || ciphertext === undefined) throw new Error("Unknown sealed format");
  const decipher = createDecipheriv(algorithm, key, Buffer.from(iv, "base64url"), { authTagLength: tagBytes });
  decipher.setAAD(Buffer.from(associatedData, "utf8"));
  decipher.setAuthTag(Buffer.from(tag, "base64url"));
  return Buffer.concat([decipher.update(Buffer.from(ciphertext, "base64url")), decipher.final()]);
}

export function newDataKey(): Buffer {
  return randomBytes(keyBytes);
}

/** Wraps a data key under the key-encryption key, bound to its owner. */
export function wrapDataKey(kek: KeyEncryptionKey, dataKey: Buffer, ownerId: string): Sealed {
  return seal(kek.key, dataKey, `data-key:${ownerId}`);
}

export function unwrapDataKey(kek: KeyEncryptionKey, wrapped: Sealed, ownerId: string): Buffer {
  return open(kek.key, wrapped, `data-key:${ownerId}`);
}

/** Encrypts a person's private text under their data key, bound to owner and purpose. */
export function encryptText(dataKey: Buffer, text: string, binding: string): Sealed {
  return seal(dataKey, Buffer.from(text, "utf8"), binding);
}

export function decryptText(dataKey: Buffer, sealed: Sealed, binding: string): string {
  return open(dataKey, sealed, binding).toString("utf8");
}
