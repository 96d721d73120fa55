// npm run keys -- status | rotate [--id NEW_ID] | rewrap: the key-encryption keys (decision 028;
// docs/operations.md). Rotation in three steps, safe while serving:
//   1. `rotate` makes a new key. With keys in files (no ENCRYPTION_KEY) it becomes the current key
//      file and the old one moves to encryption-key.previous; with ENCRYPTION_KEY it is printed
//      with the variables to set. Restart the server(s) so each holds both.
//   2. `rewrap` rewraps every data key under the new key, page by page (run it again if it stops).
//   3. A key that wraps nothing any more is retired: `rewrap` removes it from the previous-keys
//      file, or says to remove it from ENCRYPTION_PREVIOUS_KEYS.
import fs from "node:fs";
import path from "node:path";
import { pino } from "pino";
import { loadConfig, type Config } from "../../server/src/config.js";
import { openDatabase } from "../../server/src/db/database.js";
import { hasPendingMigrations } from "../../server/src/db/migrate.js";
import {
  countDataKeysPerKey,
  keyFileName,
  keySourceFrom,
  loadKeyring,
  parseKeyText,
  previousKeysFileName,
  readPreviousKeyFile,
  rewrapDataKeys,
  writeKeyFile,
} from "../../server/src/modules/data-keys/index.js";
import { newDataKey, type KeyEncryptionKey } from "../../server/src/platform/crypto.js";

const usage = "Usage: npm run keys -- status | rotate [--id NEW_ID] | rewrap";

/** k1 → k2, 2026a → 2026a-2. */
function nextKeyId(id: string): string {
  const match = /^(.*?)(\d+)$/.exec(id);
  return match ? `${match[1]}${Number(match[2]) + 1}` : `${id}-2`;
}

async function withDatabase<T>(config: Config, work: (database: ReturnType<typeof openDatabase>) => Promise<T>): Promise<T> {
  const database = openDatabase(config.database, { timeoutMs: 0 });
  try {
    if (await hasPendingMigrations(database)) throw new Error("The database has migrations to apply: start the server once (npm start), then run this again.");
    return await work(database);
  } finally {
    await database.close();
  }
}

async function status(config: Config): Promise<void> {
  await withDatabase(config, async (database) => {
    const keyring = await loadKeyring(database.db, keySourceFrom(config, database.dialect, pino({ level: "silent" })));
    const counts = await countDataKeysPerKey(database.db);
    process.stdout.write(`Current key: ${keyring.current.id}. Keys held: ${keyring.ids.join(", ")}.\n`);
    for (const id of new Set([...keyring.ids, ...counts.keys()])) process.stdout.write(`  ${id}: wraps ${counts.get(id) ?? 0} data key(s)\n`);
  });
}

async function rotate(config: Config, requestedId: string | undefined): Promise<void> {
  const newKey: KeyEncryptionKey = { id: requestedId ?? "", key: newDataKey() };
  if (config.encryptionKey) {
    const current = { id: config.encryptionKeyId, key: config.encryptionKey };
    newKey.id ||= nextKeyId(current.id);
    const previous = [current, ...config.previousEncryptionKeys.filter((key) => key.id !== current.id)];
    process.stdout.write(
      [
        "A new key-encryption key. Keep it with your other secrets, apart from the database backups.",
        "1. Set these on every server and restart them (each then holds the new key and the old):",
        `   ENCRYPTION_KEY=${newKey.key.toString("base64")}`,
        `   ENCRYPTION_KEY_ID=${newKey.id}`,
        `   ENCRYPTION_PREVIOUS_KEYS=${previous.map((key) => `${key.id}:${key.key.toString("base64")}`).join(",")}`,
        "2. Then run: npm run keys -- rewrap",
        `3. When it reports ${current.id} retired, remove it from ENCRYPTION_PREVIOUS_KEYS and restart.`,
        "",
      ].join("\n"),
    );
    return;
  }
  const keyFile = path.join(config.dataDir, keyFileName);
  if (!fs.existsSync(keyFile)) throw new Error(`${keyFile} does not exist: start the server once to make the first key, or set ENCRYPTION_KEY.`);
  const current = parseKeyText(fs.readFileSync(keyFile, "utf8"), config.encryptionKeyId);
  if (!current) throw new Error(`${keyFile} does not hold a key; restore it from your key backup.`);
  newKey.id ||= nextKeyId(current.id);
  if (newKey.id === current.id) throw new Error(`The new key needs another name than the current "${current.id}".`);
  const previous = readPreviousKeyFile(config.dataDir).filter((key) => key.id !== current.id);
  // The old key is safe in the previous-keys file before the key file changes: a crash between
  // the two leaves a keyring that still opens everything.
  writeKeyFile(path.join(config.dataDir, previousKeysFileName), [...previous, current]);
  writeKeyFile(keyFile, [newKey]);
  process.stdout.write(
    [
      `${keyFile} now holds the new key "${newKey.id}"; "${current.id}" moved to ${previousKeysFileName}.`,
      "Back up both files now, apart from the database backups.",
      "1. Restart the server so it wraps new data keys with the new key.",
      "2. Then run: npm run keys -- rewrap",
      "",
    ].join("\n"),
  );
}

async function rewrap(config: Config): Promise<void> {
  await withDatabase(config, async (database) => {
    const keyring = await loadKeyring(database.db, keySourceFrom(config, database.dialect, pino({ level: "silent" })));
    const result = await rewrapDataKeys(database.db, keyring, {
      onPage: (progress) => process.stderr.write(`\rRewrapped ${progress.rewrapped.toLocaleString("en")} data keys…`),
    });
    process.stderr.write("\r\u001b[K");
    process.stdout.write(
      `Rewrapped ${result.rewrapped} data key(s) under "${keyring.current.id}"${result.skipped > 0 ? ` (${result.skipped} changed meanwhile and were left; run again)` : ""}.\n`,
    );
    const left = [...result.remaining].filter(([id]) => id !== keyring.current.id);
    if (left.length > 0) {
      process.stdout.write(
        `Still under older keys: ${left.map(([id, count]) => `${id} (${count})`).join(", ")}. A server still wrapping with an old key needs a restart; then run this again.\n`,
      );
      process.exitCode = 3;
      return;
    }
    if (result.retired.length === 0) return;
    if (config.encryptionKey) {
      process.stdout.write(
        `Retired: ${result.retired.join(", ")}. Remove ${result.retired.length === 1 ? "it" : "them"} from ENCRYPTION_PREVIOUS_KEYS and restart.\n`,
      );
      return;
    }
    const file = path.join(config.dataDir, previousKeysFileName);
    const kept = readPreviousKeyFile(config.dataDir).filter((key) => !result.retired.includes(key.id));
    if (kept.length > 0) writeKeyFile(file, kept);
    else fs.rmSync(file, { force: true });
    process.stdout.write(`Retired: ${result.retired.join(", ")}, removed from ${file}.\n`);
  });
}

async function main(): Promise<void> {
  const [command, ...rest] = process.argv.slice(2);
  const config = loadConfig();
  if (command === "status" && rest.length === 0) return status(config);
  if (command === "rewrap" && rest.length === 0) return rewrap(config);
  if (command === "rotate") {
    const id = rest[0] === "--id" ? rest[1] : rest[0]?.startsWith("--id=") ? rest[0].slice("--id=".length) : undefined;
    if (rest.length > 0 && (id === undefined || !/^[A-Za-z0-9_-]{1,32}$/.test(id)))
      throw new Error(`The new key's name must be 1–32 letters, digits, - or _. ${usage}`);
    return rotate(config, id);
  }
  throw new Error(usage);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
