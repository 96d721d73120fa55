import { createHmac, hkdfSync } from "node:crypto";
import { describe, expect, it } from "vitest";
import { INVITE_CODE_ALPHABET, normalizeInviteCode } from "@mutual/core";
import { createInviteCodeHasher, makeInviteCode } from "./invite-codes.js";

describe("invite codes", () => {
  it("are ten alphabet characters, shown in two groups, that normalise to themselves", () => {
    let next = 0;
    const code = makeInviteCode((max) => (next++ * 7) % max);
    expect(code).toMatch(/^[0-9A-Z]{5}-[0-9A-Z]{5}$/);
    const bare = code.replace("-", "");
    for (const character of bare) expect(INVITE_CODE_ALPHABET).toContain(character);
    expect(normalizeInviteCode(code)).toBe(bare);
    expect(normalizeInviteCode(code.toLowerCase().replace("-", ""))).toBe(bare);
    expect(normalizeInviteCode(makeInviteCode())).toMatch(/^[0-9A-Z]{10}$/);
  });

  it("use every symbol the random source picks, so all 32 are reachable", () => {
    const seen = new Set<string>();
    for (let start = 0; start < 32; start += 1) for (const character of makeInviteCode(() => start)) seen.add(character);
    seen.delete("-");
    expect(seen.size).toBe(32);
  });

  it("are hashed under a key of their own purpose; partner codes keep the key they always had, so pending invites still work", () => {
    const secret = "a-secret-long-enough-for-the-test-0123456789";
    const partner = createInviteCodeHasher(secret, "partner-invite-code");
    const client = createInviteCodeHasher(secret, "client-invite-code");
    const before = createHmac("sha256", Buffer.from(hkdfSync("sha256", secret, "mutual", "mutual/partner-invite-code/v1", 32)))
      .update("ABCDE12345")
      .digest("base64url");
    expect(partner("ABCDE12345")).toBe(before);
    expect(client("ABCDE12345")).not.toBe(before);
    expect(createInviteCodeHasher(`${secret}x`, "client-invite-code")("ABCDE12345")).not.toBe(client("ABCDE12345"));
  });
});
