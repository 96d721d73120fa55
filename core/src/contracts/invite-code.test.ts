import { describe, expect, it } from "vitest";
import { formatInviteCode, normalizeInviteCode } from "./invite-code.js";

describe("invite codes", () => {
  it("accepts a code however it was typed or pasted", () => {
    expect(normalizeInviteCode("abcde-12345")).toBe("ABCDE12345");
    expect(normalizeInviteCode(" ABCDE 12345 ")).toBe("ABCDE12345");
    // Look-alikes read as the digits they resemble.
    expect(normalizeInviteCode("IL0O0-ABCDE")).toBe("11000ABCDE");
  });

  it("refuses what cannot be a code", () => {
    expect(normalizeInviteCode("ABCDE-1234")).toBeUndefined();
    expect(normalizeInviteCode("ABCDE-123456")).toBeUndefined();
    expect(normalizeInviteCode("ABCDE-1234U")).toBeUndefined();
    expect(normalizeInviteCode("ABCDE-1234!")).toBeUndefined();
  });

  it("formats a code in two groups of five", () => {
    expect(formatInviteCode("ABCDE12345")).toBe("ABCDE-12345");
  });
});
