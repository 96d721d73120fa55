import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { pino } from "pino";
import { afterEach, describe, expect, it } from "vitest";
import { loadConfig } from "../../config.js";
import { keyringOf, type KeyEncryptionKey } from "../../platform/crypto.js";
import { buildTestApp, type TestApp } from "../../../test/build-test-app.js";
import { sameOrigin, signUp } from "../../../test/auth-helpers.js";
import { giveConsentVia } from "../../../test/assessment-helpers.js";
import { createTestDatabase, dialects, type TestDatabase } from "../../../test/test-databases.js";
import { migrateToLatest } from "../../db/migrate.js";
import { KeyringError, keyFileName, loadKeyring, previousKeysFileName, rewrapDataKeys, writeKeyFile, type KeySource } from "./index.js";

// Decision 028: the key-encryption keys must open what the database holds, or the server does not
// start; a key is made only for a deployment that never sealed anything, on SQLite; rotation
// rewraps every data key while the notes stay readable.

const k1: KeyEncryptionKey = { id: "k1", key: Buffer.alloc(32, 1) };
const k2: KeyEncryptionKey = { id: "k2", key: Buffer.alloc(32, 2) };
const impostor: KeyEncryptionKey = { id: "k1", key: Buffer.alloc(32, 9) };

function logged(lines: string[]) {
  return pino({ level: "info" }, { write: (line: string) => void lines.push(line) });
}

describe.each(dialects)("[%s] key-encryption keys at start-up and in rotation", (dialect) => {
  const cleanups: Array<() => Promise<void> | void> = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  function newDataDir(): string {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "mutual-keys-"));
    cleanups.push(() => fs.rmSync(dir, { recursive: true, force: true }));
    return dir;
  }

  async function emptyDatabase(): Promise<TestDatabase> {
    const test = await createTestDatabase(dialect);
    cleanups.push(() => test.destroy());
    await migrateToLatest(test.database);
    return test;
  }

  /** A database where one person has written a check-in note under `kek` (so a data key is stored). */
  async function databaseWithNotes(
    kek: KeyEncryptionKey,
    note = "the lantern by the river",
  ): Promise<{ test: TestDatabase; read: (keys: KeyEncryptionKey[]) => Promise<string | null> }> {
    const test = await createTestDatabase(dialect);
    cleanups.push(() => test.destroy());
    const writer = await buildTestApp(dialect, { testDatabase: test, keyring: keyringOf(kek) });
    const person = await signUp(writer.app);
    await giveConsentVia(writer.app, person.cookie);
    const put = await writer.app.inject({
      method: "PUT",
      url: "/api/check-ins/current",
      headers: { ...sameOrigin, cookie: person.cookie },
      payload: { timeZone: "UTC", answers: { wePulse: 5, note } },
    });
    expect(put.statusCode).toBe(200);
    await writer.close();
    const read = async ([current, ...previous]: KeyEncryptionKey[]) => {
      const reader: TestApp = await buildTestApp(dialect, { testDatabase: test, keyring: keyringOf(current as KeyEncryptionKey, previous) });
      try {
        const response = await reader.app.inject({ method: "GET", url: "/api/check-ins/current?timeZone=UTC", headers: { cookie: person.cookie } });
        expect(response.statusCode).toBe(200);
        return (response.json() as { checkIn: { note: string | null } | null }).checkIn?.note ?? null;
      } finally {
        await reader.close();
      }
    };
    return { test, read };
  }

  const source = (over: Partial<KeySource>, lines: string[] = []): KeySource => ({
    configured: undefined,
    keyId: "k1",
    previous: [],
    dataDir: newDataDir(),
    dialect,
    logger: logged(lines),
    ...over,
  });

  it("makes a key only for an empty deployment on SQLite, says to back it up apart, and reuses it", async () => {
    const test = await emptyDatabase();
    const dataDir = newDataDir();
    if (dialect === "postgres") {
      await expect(loadKeyring(test.database.db, source({ dataDir }))).rejects.toThrow(
        /set ENCRYPTION_KEY \(32 random bytes in base64, the same on every server/,
      );
      expect(fs.existsSync(path.join(dataDir, keyFileName))).toBe(false);
      return;
    }
    const lines: string[] = [];
    const first = await loadKeyring(test.database.db, source({ dataDir }, lines));
    expect(first.current.key).toHaveLength(32);
    expect(lines.join("\n")).toMatch(/Back it up, apart from the database backups/);
    expect((fs.statSync(path.join(dataDir, keyFileName)).mode & 0o777).toString(8)).toBe("600");
    const again = await loadKeyring(test.database.db, source({ dataDir }));
    expect(again.current.key.equals(first.current.key)).toBe(true);
  });

  it("refuses to start when the key is missing, naming ENCRYPTION_KEY and the key file, and makes no new one", async () => {
    const { test } = await databaseWithNotes(k1);
    const dataDir = newDataDir();
    const refusal = loadKeyring(test.database.db, source({ dataDir }));
    await expect(refusal).rejects.toBeInstanceOf(KeyringError);
    await expect(refusal).rejects.toThrow(/ENCRYPTION_KEY is not set and .*encryption-key is missing, but the database holds 1 data key\(s\) wrapped by "k1"/);
    expect(fs.existsSync(path.join(dataDir, keyFileName))).toBe(false);
  });

  it("refuses a wrong key, from the environment or from the file, and starts with the right one", async () => {
    const { test, read } = await databaseWithNotes(k1);
    await expect(loadKeyring(test.database.db, source({ configured: impostor.key }))).rejects.toThrow(
      /The key named "k1" \(from ENCRYPTION_KEY .*\) does not open the data keys stored under that name/,
    );
    const dataDir = newDataDir();
    fs.writeFileSync(path.join(dataDir, keyFileName), impostor.key.toString("base64"));
    await expect(loadKeyring(test.database.db, source({ dataDir }))).rejects.toThrow(/does not open the data keys/);
    fs.writeFileSync(path.join(dataDir, keyFileName), k1.key.toString("base64"));
    expect((await loadKeyring(test.database.db, source({ dataDir }))).current.id).toBe("k1");
    expect(await read([k1])).toBe("the lantern by the river");
  });

  it("refuses a key of another name unless the stored name's key is among the previous keys", async () => {
    const { test } = await databaseWithNotes(k1);
    await expect(loadKeyring(test.database.db, source({ configured: k2.key, keyId: "k2" }))).rejects.toThrow(
      /wrapped by key "k1", which this server does not have \(it holds "k2"\)/,
    );
    const keyring = await loadKeyring(test.database.db, source({ configured: k2.key, keyId: "k2", previous: [k1] }));
    expect(keyring.ids).toEqual(["k1", "k2"]);
  });

  it("notices data keys wrapped under one name by two different keys (two servers each made their own)", async () => {
    const { test } = await databaseWithNotes(k1);
    const other = await buildTestApp(dialect, { testDatabase: test, keyring: keyringOf(impostor) });
    const person = await signUp(other.app);
    await giveConsentVia(other.app, person.cookie);
    const put = await other.app.inject({
      method: "PUT",
      url: "/api/check-ins/current",
      headers: { ...sameOrigin, cookie: person.cookie },
      payload: { timeZone: "UTC", answers: { note: "written by the second server" } },
    });
    expect(put.statusCode).toBe(200);
    await other.close();
    // Either key opens its own rows only: whichever a server holds, the probe finds the other's.
    let refusals = 0;
    for (const kek of [k1, impostor]) {
      for (let attempt = 0; attempt < 5; attempt += 1) {
        const outcome = await loadKeyring(test.database.db, source({ configured: kek.key })).then(
          () => "started",
          () => "refused",
        );
        if (outcome === "refused") {
          refusals += 1;
          break;
        }
      }
    }
    expect(refusals).toBe(2);
  });

  it("rotates: the new key wraps everything, the old one is retired, and notes read the same with the new key alone", async () => {
    const { test, read } = await databaseWithNotes(k1, "a note from before the rotation");
    const during = keyringOf(k2, [k1]);
    // Run twice: the second run finds nothing left (resumable, idempotent).
    const first = await rewrapDataKeys(test.database.db, during, { pageSize: 1 });
    expect(first.rewrapped).toBe(1);
    expect([...first.remaining]).toEqual([["k2", 1]]);
    expect(first.retired).toEqual(["k1"]);
    expect((await rewrapDataKeys(test.database.db, during)).rewrapped).toBe(0);
    expect(await read([k2])).toBe("a note from before the rotation");
    await expect(loadKeyring(test.database.db, source({ configured: k1.key, keyId: "k1" }))).rejects.toThrow(
      /wrapped by key "k2", which this server does not have/,
    );
  });

  it("reads rotated keys from the files beside the key: the current one with its name, the previous one per line", async () => {
    const { test } = await databaseWithNotes(k1);
    const dataDir = newDataDir();
    writeKeyFile(path.join(dataDir, keyFileName), [k2]);
    writeKeyFile(path.join(dataDir, previousKeysFileName), [k1]);
    const lines: string[] = [];
    const keyring = await loadKeyring(test.database.db, source({ dataDir }, lines));
    expect([keyring.current.id, keyring.ids]).toEqual(["k2", ["k1", "k2"]]);
    await rewrapDataKeys(test.database.db, keyring);
    await loadKeyring(test.database.db, source({ dataDir }, lines));
    expect(lines.join("\n")).toMatch(/Key \\"k1\\" no longer wraps any data key: it is retired/);
  });
});

describe("key configuration", () => {
  it("reads ENCRYPTION_KEY, ENCRYPTION_KEY_ID and ENCRYPTION_PREVIOUS_KEYS, and refuses malformed ones", () => {
    const key = Buffer.alloc(32, 9).toString("base64");
    const config = loadConfig({ ENCRYPTION_KEY: key, ENCRYPTION_KEY_ID: "2026a", ENCRYPTION_PREVIOUS_KEYS: `k1:${Buffer.alloc(32, 1).toString("base64")}` });
    expect(config.encryptionKey?.equals(Buffer.alloc(32, 9))).toBe(true);
    expect(config.encryptionKeyId).toBe("2026a");
    expect(config.previousEncryptionKeys.map((entry) => [entry.id, entry.key.equals(Buffer.alloc(32, 1))])).toEqual([["k1", true]]);
    const defaults = loadConfig({});
    expect([defaults.encryptionKey, defaults.encryptionKeyId, defaults.previousEncryptionKeys]).toEqual([undefined, "k1", []]);
    expect(() => loadConfig({ ENCRYPTION_KEY: Buffer.alloc(16).toString("base64") })).toThrow(/ENCRYPTION_KEY: must be 32 random bytes/);
    expect(() => loadConfig({ ENCRYPTION_KEY_ID: "has space" })).toThrow(/ENCRYPTION_KEY_ID/);
    expect(() => loadConfig({ ENCRYPTION_PREVIOUS_KEYS: "k1:short" })).toThrow(/ENCRYPTION_PREVIOUS_KEYS: must be id:key pairs/);
  });
});
