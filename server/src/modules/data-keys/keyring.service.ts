import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import type { FastifyBaseLogger } from "fastify";
import type { Kysely } from "kysely";
import type { Config } from "../../config.js";
import type { DB } from "../../db/schema.js";
import { keyBytes, keyringOf, newDataKey, unwrapDataKey, type KeyEncryptionKey, type Keyring } from "../../platform/crypto.js";
import { ensurePrivateDirectory, makeFilePrivate } from "../../platform/private-files.js";
import { countDataKeysByKeyId, firstDataKeyFrom, lastDataKey } from "./data-keys.repository.js";

// Where the key-encryption keys come from, and the start-up check that they open what the
// database holds (decision 028). A lost or wrong key used to be replaced silently: a new key
// was generated, every stored note then failed to open, and new notes were sealed under a key
// that the restored old one could not open. Now a key is generated only for a deployment that
// has never sealed anything, on SQLite; any other gap stops the server with a message that says
// what to restore or set.

/** The file that holds the current key when ENCRYPTION_KEY is not set: `base64` or `id:base64`. */
export const keyFileName = "encryption-key";
/** Keys being rotated out, one `id:base64` a line, when the keys live in files. */
export const previousKeysFileName = "encryption-key.previous";

/** The server cannot start with these keys; the message tells the operator what to do. */
export class KeyringError extends Error {
  override name = "KeyringError";
}

export type KeySource = {
  configured: Buffer | undefined;
  keyId: string;
  /** From ENCRYPTION_PREVIOUS_KEYS. */
  previous: readonly KeyEncryptionKey[];
  dataDir: string;
  dialect: "sqlite" | "postgres";
  logger: FastifyBaseLogger;
};

/** How many data keys each key-encryption key wraps, by key id (for `npm run keys -- status`). */
export function countDataKeysPerKey(db: Kysely<DB>): Promise<Map<string, number>> {
  return countDataKeysByKeyId(db);
}

/** Where the configuration says the keys are. */
export function keySourceFrom(
  config: Pick<Config, "encryptionKey" | "encryptionKeyId" | "previousEncryptionKeys" | "dataDir">,
  dialect: KeySource["dialect"],
  logger: FastifyBaseLogger,
): KeySource {
  return { configured: config.encryptionKey, keyId: config.encryptionKeyId, previous: config.previousEncryptionKeys, dataDir: config.dataDir, dialect, logger };
}

/** Parses one key written as `base64` or `id:base64`; null when it is not a 32-byte key. */
export function parseKeyText(text: string, defaultId: string): KeyEncryptionKey | null {
  const trimmed = text.trim();
  const separator = trimmed.indexOf(":");
  const id = separator === -1 ? defaultId : trimmed.slice(0, separator);
  const key = Buffer.from(separator === -1 ? trimmed : trimmed.slice(separator + 1), "base64");
  return /^[A-Za-z0-9_-]{1,32}$/.test(id) && key.length === keyBytes ? { id, key } : null;
}

/** Writes a key as `id:base64`, readable by the owner alone, replacing the file in one step. */
export function writeKeyFile(file: string, lines: readonly KeyEncryptionKey[]): void {
  const temporary = `${file}.${randomBytes(6).toString("hex")}.tmp`;
  fs.writeFileSync(temporary, lines.map((key) => `${key.id}:${key.key.toString("base64")}\n`).join(""), { mode: 0o600, flag: "wx" });
  fs.renameSync(temporary, file);
}

function readKeyFile(file: string, defaultId: string): KeyEncryptionKey | undefined {
  if (!fs.existsSync(file)) return undefined;
  // A file restored from a backup may have come back readable by others (decision 030).
  makeFilePrivate(file);
  const key = parseKeyText(fs.readFileSync(file, "utf8"), defaultId);
  if (!key) throw new KeyringError(`${file} does not hold a ${keyBytes}-byte base64 key. Restore it from your key backup, or set ENCRYPTION_KEY.`);
  return key;
}

/** The keys being rotated out that live beside the current key file. */
export function readPreviousKeyFile(dataDir: string): KeyEncryptionKey[] {
  const file = path.join(dataDir, previousKeysFileName);
  if (!fs.existsSync(file)) return [];
  return fs
    .readFileSync(file, "utf8")
    .split("\n")
    .filter((line) => line.trim() !== "")
    .map((line, index) => {
      const key = parseKeyText(line, "");
      if (!key || !line.includes(":")) throw new KeyringError(`${file}, line ${index + 1}, is not an id:key pair of a ${keyBytes}-byte base64 key.`);
      return key;
    });
}

/**
 * The keyring this server runs with, checked against the data keys the database holds: every
 * key id in use must be held, and its key must open them. Throws a KeyringError otherwise.
 */
export async function loadKeyring(db: Kysely<DB>, source: KeySource): Promise<Keyring> {
  const stored = await countDataKeysByKeyId(db);
  const file = path.join(source.dataDir, keyFileName);
  const current = source.configured ? { id: source.keyId, key: source.configured } : (readKeyFile(file, source.keyId) ?? createFirstKey(file, source, stored));
  const previous = [...source.previous, ...(source.configured ? [] : readPreviousKeyFile(source.dataDir))];
  const keyring = keyringOf(current, previous);
  for (const [keyId, count] of stored) await checkKeyOpensItsDataKeys(db, keyring, keyId, count, source.configured !== undefined);
  for (const key of previous) {
    if (!stored.has(key.id))
      source.logger.warn(
        { keyId: key.id },
        `Key "${key.id}" no longer wraps any data key: it is retired and can be removed from the configuration (docs/operations.md).`,
      );
  }
  return keyring;
}

function createFirstKey(file: string, source: KeySource, stored: ReadonlyMap<string, number>): KeyEncryptionKey {
  const total = [...stored.values()].reduce((sum, count) => sum + count, 0);
  if (total > 0) {
    throw new KeyringError(
      `ENCRYPTION_KEY is not set and ${file} is missing, but the database holds ${total} data key(s) wrapped by ${[...stored.keys()].map((id) => `"${id}"`).join(", ")}. ` +
        "Restore the key file from your key backup (or set ENCRYPTION_KEY to the key). Mutual will not make a new key: it could not open what is stored, and notes written under it could not be opened with the old one.",
    );
  }
  if (source.dialect === "postgres") {
    throw new KeyringError(
      "ENCRYPTION_KEY is not set. On PostgreSQL, where several servers may share the database, set ENCRYPTION_KEY (32 random bytes in base64, the same on every server: openssl rand -base64 32); a key made by each server could not open the others' data.",
    );
  }
  ensurePrivateDirectory(source.dataDir);
  try {
    fs.writeFileSync(file, newDataKey().toString("base64"), { flag: "wx", mode: 0o600 });
    source.logger.warn(
      { file },
      "Generated a new encryption key because ENCRYPTION_KEY is not set. Back it up, apart from the database backups (docs/operations.md): without it, private notes and reflections cannot be read.",
    );
  } catch (error) {
    // Another instance on the same folder made it first: use theirs.
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
  }
  const key = readKeyFile(file, source.keyId);
  if (!key) throw new KeyringError(`${file} could not be created.`);
  return key;
}

/** Probes the data keys of one key id at their first and last places and eight random ones between. */
async function checkKeyOpensItsDataKeys(db: Kysely<DB>, keyring: Keyring, keyId: string, count: number, fromEnvironment: boolean): Promise<void> {
  const kek = keyring.byId(keyId);
  const where = fromEnvironment ? "ENCRYPTION_KEY / ENCRYPTION_PREVIOUS_KEYS" : `${keyFileName} / ${previousKeysFileName} in DATA_DIR (or ENCRYPTION_KEY)`;
  if (!kek) {
    throw new KeyringError(
      `The database holds ${count} data key(s) wrapped by key "${keyId}", which this server does not have (it holds ${keyring.ids.map((id) => `"${id}"`).join(", ")}). ` +
        `Give it that key in ${where}: restore it from your key backup, or finish the rotation that replaced it (docs/operations.md).`,
    );
  }
  const starts = ["", ...Array.from({ length: 8 }, () => randomBytes(8).toString("base64url"))];
  const rows = [...(await Promise.all(starts.map((start) => firstDataKeyFrom(db, keyId, start)))), await lastDataKey(db, keyId)];
  const probed = new Set<string>();
  for (const row of rows) {
    if (!row || probed.has(row.userId)) continue;
    probed.add(row.userId);
    try {
      unwrapDataKey(kek, row.wrappedKey, row.userId);
    } catch {
      throw new KeyringError(
        `The key named "${keyId}" (from ${where}) does not open the data keys stored under that name: it is not the key this database was written with` +
          `${probed.size > 1 ? ", or several servers each made their own key" : ""}. Restore the right key from your key backup. Mutual will not start with a key that cannot read what is stored.`,
      );
    }
  }
}
