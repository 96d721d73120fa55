import { describe, expect, it } from "vitest";
import {
  FAILED_ATTEMPTS_LIMIT,
  INVITE_TTL_MS,
  inviteExpiresAt,
  decideCoupleAccept,
  isInviteOpen,
  orderScopes,
  requireClientMember,
  requireCodeShape,
  requireNotOwnInvite,
  requireNotThrottled,
} from "./counselling.policy.js";

const statusOf = (work: () => unknown) => {
  try {
    work();
    return "ok";
  } catch (error) {
    return `${(error as { statusCode: number }).statusCode} ${(error as { code: string }).code}`;
  }
};

describe("client invites", () => {
  it("last seven days and are open only while pending and unexpired", () => {
    expect(inviteExpiresAt(1000)).toBe(1000 + 7 * 24 * 60 * 60 * 1000);
    expect(INVITE_TTL_MS).toBe(604_800_000);
    expect(isInviteOpen({ status: "pending", expiresAt: 10 }, 9)).toBe(true);
    expect(isInviteOpen({ status: "pending", expiresAt: 10 }, 10)).toBe(false);
    expect(isInviteOpen({ status: "accepted", expiresAt: 10 }, 1)).toBe(false);
    expect(isInviteOpen({ status: "cancelled", expiresAt: 10 }, 1)).toBe(false);
  });

  it("take codes of the partner-invite shape, and refuse the eleventh failed code in the window", () => {
    expect(requireCodeShape("abcde-12345")).toBe("ABCDE12345");
    expect(statusOf(() => requireCodeShape("nope"))).toBe("400 INVALID_CODE");
    expect(statusOf(() => requireNotThrottled(FAILED_ATTEMPTS_LIMIT - 1))).toBe("ok");
    expect(statusOf(() => requireNotThrottled(FAILED_ATTEMPTS_LIMIT))).toBe("429 TOO_MANY_ATTEMPTS");
  });

  it("cannot be accepted by the counsellor who made them", () => {
    expect(statusOf(() => requireNotOwnInvite({ counsellorId: "c" }, "c"))).toBe("422 OWN_INVITE");
    expect(statusOf(() => requireNotOwnInvite({ counsellorId: "c" }, "someone"))).toBe("ok");
  });
});

describe("couple invites", () => {
  it("need the acceptor to be linked with a partner", () => {
    const decision = decideCoupleAccept({ userId: "a", partnerId: null, memberIds: [] });
    expect(decision.ok ? "ok" : `${decision.error.statusCode} ${decision.error.code}`).toBe("409 NOT_LINKED");
  });

  it("are started by the first linked acceptor and completed only by that person's current partner", () => {
    expect(decideCoupleAccept({ userId: "a", partnerId: "b", memberIds: [] })).toEqual({ ok: true, isFirst: true });
    expect(decideCoupleAccept({ userId: "b", partnerId: "a", memberIds: ["a"] })).toEqual({ ok: true, isFirst: false });
    for (const input of [
      { userId: "c", partnerId: "d", memberIds: ["a"] },
      { userId: "c", partnerId: "a", memberIds: ["a", "b"] },
    ]) {
      const decision = decideCoupleAccept(input);
      expect(decision.ok ? "ok" : decision.error.code, JSON.stringify(input)).toBe("NOT_PARTNER");
    }
  });
});

describe("relations", () => {
  it("are changed only by their own members (404 otherwise)", () => {
    expect(requireClientMember({ clientId: "x" })).toEqual({ clientId: "x" });
    expect(statusOf(() => requireClientMember(null))).toBe("404 NOT_FOUND");
  });

  it("keep scopes in one order, each once, and drop anything that is not a scope", () => {
    expect(orderScopes(["notes", "profile", "notes", "overview", "check-ins"])).toEqual(["profile", "check-ins", "notes"]);
    expect(orderScopes([])).toEqual([]);
  });
});
