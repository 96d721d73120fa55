import { describe, expect, it } from "vitest";
import {
  FAILED_ATTEMPTS_LIMIT,
  INVITE_TTL_MS,
  inviteCodeNotFound,
  inviteExpiresAt,
  isInviteOpen,
  requireCodeShape,
  requireNotOwnInviteCode,
  requireNotThrottled,
} from "./invite-codes.policy.js";

// The rules partner invites (couple) and client invites (counselling) share; each module's own
// policy test covers the words it adds.

/** Matches the HTTP error with this status and code. */
const refusal = (statusCode: number, code: string) => expect.objectContaining({ statusCode, code });

describe("invite codes", () => {
  it("expire seven days after they are made, and only pending ones before that are open", () => {
    const created = Date.UTC(2026, 10, 24);
    expect(inviteExpiresAt(created) - created).toBe(7 * 24 * 60 * 60 * 1000);
    expect(INVITE_TTL_MS).toBe(604_800_000);
    const expiresAt = created + INVITE_TTL_MS;
    expect(isInviteOpen({ status: "pending", expiresAt }, expiresAt - 1)).toBe(true);
    expect(isInviteOpen({ status: "pending", expiresAt }, expiresAt)).toBe(false);
    expect(isInviteOpen({ status: "accepted", expiresAt }, created)).toBe(false);
    expect(isInviteOpen({ status: "cancelled", expiresAt }, created)).toBe(false);
  });

  it("refuses input that cannot be a code with 400 INVALID_CODE on the code field", () => {
    expect(requireCodeShape("abcde-12345")).toBe("ABCDE12345");
    for (const bad of ["", "ABC", "nope", "ABCDE-1234U", "ABCDE-123456", "!!!!!-!!!!!"]) {
      try {
        requireCodeShape(bad);
        expect.fail(`accepted ${bad}`);
      } catch (error) {
        expect(error).toMatchObject({ statusCode: 400, code: "INVALID_CODE", fields: [{ path: "code" }] });
      }
    }
  });

  it("throttles from the tenth failure in the window", () => {
    expect(() => requireNotThrottled(FAILED_ATTEMPTS_LIMIT - 1)).not.toThrow();
    expect(() => requireNotThrottled(FAILED_ATTEMPTS_LIMIT)).toThrow(refusal(429, "TOO_MANY_ATTEMPTS"));
  });

  it("answer every code that does not work alike, naming who can make a new one", () => {
    expect(inviteCodeNotFound("counsellor")).toMatchObject({
      statusCode: 404,
      code: "INVITE_NOT_FOUND",
      message: "This invite code does not work. Ask your counsellor for a new one.",
    });
  });

  it("cannot be accepted by whoever made them", () => {
    expect(() => requireNotOwnInviteCode("a", "a", "send it to your partner")).toThrow(refusal(422, "OWN_INVITE"));
    expect(() => requireNotOwnInviteCode("a", "b", "send it to your partner")).not.toThrow();
  });
});
