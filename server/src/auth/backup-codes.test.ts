import { symmetricEncrypt } from "better-auth/crypto";
import { describe, expect, it } from "vitest";
import { BACKUP_CODE_ALPHABET, backupCodeStore, generateBackupCodes, normaliseBackupCode } from "./backup-codes.js";

describe("backup codes", () => {
  it("are ten codes of two groups of five, with no character that looks like another", () => {
    const codes = generateBackupCodes();
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    for (const code of codes) expect(code).toMatch(new RegExp(`^[${BACKUP_CODE_ALPHABET}]{5}-[${BACKUP_CODE_ALPHABET}]{5}$`));
    expect(BACKUP_CODE_ALPHABET).not.toMatch(/[0O1IL2Z5S8B]/);
  });

  it("are read the same however they are typed", () => {
    expect(normaliseBackupCode(" acdef ghjkm ")).toBe("ACDEF-GHJKM");
    expect(normaliseBackupCode("acdef-GHJKM")).toBe("ACDEF-GHJKM");
    expect(normaliseBackupCode("ACDEFGHJKM")).toBe("ACDEF-GHJKM");
    expect(normaliseBackupCode("abc")).toBe("ABC");
  });

  it("stored before this change (mixed case) still match once read back, and are stored as before", async () => {
    const store = backupCodeStore("a-secret-long-enough-for-the-test-0123456789");
    const older = await symmetricEncrypt({ key: "a-secret-long-enough-for-the-test-0123456789", data: JSON.stringify(["aB3dE-fG7hJ"]) });
    expect(JSON.parse(await store.decrypt(older))).toEqual([normaliseBackupCode("AB3DE-FG7HJ")]);
    expect(JSON.parse(await store.decrypt(await store.encrypt(JSON.stringify(["ACDEF-GHJKM"]))))).toEqual(["ACDEF-GHJKM"]);
  });
});
