import fs from "node:fs";
import path from "node:path";
import type { FastifyBaseLogger } from "fastify";
import { keyBytes, newDataKey, type KeyEncryptionKey } from "../../platform/crypto.js";
import { ensurePrivateDirectory, makeFilePrivate } from "../../platform/private-files.js";

/**
 * The key-encryption key: ENCRYPTION_KEY when set, otherwise the one stored in
 * <dataDir>/encryption-key, generated on first run (exclusive create, so two instances
 * starting together agree). Losing it makes every private note unreadable.
 */
export function loadOrCreateKeyEncryptionKey(options: {
  configured: Buffer | undefined;
  keyId: string;
  dataDir: string;
  logger: FastifyBaseLogger;
}): KeyEncryptionKey {
  if (options.configured) return { id: options.keyId, key: options.configured };
  const file = path.join(options.dataDir, "encryption-key");
  ensurePrivateDirectory(options.dataDir);
  try {
    fs.writeFileSync(file, newDataKey().toString("base64"), { flag: "wx", mode: 0o600 });
    options.logger.warn(
      { file },
      "Generated a new encryption key because ENCRYPTION_KEY is not set. Back up this file with the database: without it, private notes and reflections cannot be read.",
    );
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
  }
  // A file restored from a backup may have come back readable by others.
  makeFilePrivate(file);
  const key = Buffer.from(fs.readFileSync(file, "utf8").trim(), "base64");
  if (key.length !== keyBytes) throw new Error(`${file} does not hold a ${keyBytes}-byte base64 key; restore it from backup or set ENCRYPTION_KEY.`);
  return { id: options.keyId, key };
}
