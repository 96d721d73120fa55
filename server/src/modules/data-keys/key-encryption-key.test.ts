import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { pino } from "pino";
import { describe, expect, it } from "vitest";
import { loadConfig } from "../../config.js";
import { loadOrCreateKeyEncryptionKey } from "./key-encryption-key.js";

function silentLogger(lines: string[]) {
  return pino({ level: "info" }, { write: (line: string) => void lines.push(line) });
}

describe("key-encryption key", () => {
  it("generates a 32-byte key into the data directory once, says to back it up, and reuses it", () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "mutual-kek-"));
    const lines: string[] = [];
    const first = loadOrCreateKeyEncryptionKey({ configured: undefined, keyId: "k1", dataDir, logger: silentLogger(lines) });
    expect(first.key).toHaveLength(32);
    expect(first.id).toBe("k1");
    expect(lines.join("\n")).toMatch(/Back up this file/);
    expect((fs.statSync(path.join(dataDir, "encryption-key")).mode & 0o777).toString(8)).toBe("600");
    const again = loadOrCreateKeyEncryptionKey({ configured: undefined, keyId: "k1", dataDir, logger: silentLogger([]) });
    expect(again.key.equals(first.key)).toBe(true);
  });

  it("prefers ENCRYPTION_KEY and refuses a damaged key file", () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "mutual-kek-"));
    const configured = Buffer.alloc(32, 3);
    expect(loadOrCreateKeyEncryptionKey({ configured, keyId: "k2", dataDir, logger: silentLogger([]) })).toEqual({ id: "k2", key: configured });
    expect(fs.existsSync(path.join(dataDir, "encryption-key"))).toBe(false);
    fs.writeFileSync(path.join(dataDir, "encryption-key"), "short");
    expect(() => loadOrCreateKeyEncryptionKey({ configured: undefined, keyId: "k1", dataDir, logger: silentLogger([]) })).toThrow(/32-byte/);
  });

  it("reads ENCRYPTION_KEY, ENCRYPTION_KEY_ID and HELP_RESOURCES_PATH from the environment", () => {
    const key = Buffer.alloc(32, 9).toString("base64");
    const config = loadConfig({ ENCRYPTION_KEY: key, ENCRYPTION_KEY_ID: "2026a", HELP_RESOURCES_PATH: "help.json" });
    expect(config.encryptionKey?.equals(Buffer.alloc(32, 9))).toBe(true);
    expect(config.encryptionKeyId).toBe("2026a");
    expect(config.helpResourcesPath).toBe(path.resolve("help.json"));
    const defaults = loadConfig({});
    expect([defaults.encryptionKey, defaults.encryptionKeyId, defaults.helpResourcesPath]).toEqual([undefined, "k1", undefined]);
    expect(() => loadConfig({ ENCRYPTION_KEY: Buffer.alloc(16).toString("base64") })).toThrow(/ENCRYPTION_KEY: must be 32 random bytes/);
    expect(() => loadConfig({ ENCRYPTION_KEY_ID: "has space" })).toThrow(/ENCRYPTION_KEY_ID/);
  });
});
