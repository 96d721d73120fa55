import { describe, expect, it } from "vitest";
import { decideCoupleAccept, inviteNotFound, orderScopes, requireClientMember, requireNotOwnInvite } from "./counselling.policy.js";

const statusOf = (work: () => unknown) => {
  try {
    work();
    return "ok";
  } catch (error) {
    return `${(error as { statusCode: number }).statusCode} ${(error as { code: string }).code}`;
  }
};

describe("client invites", () => {
  it("cannot be accepted by the counsellor who made them, and send anyone with a dead code back to their counsellor", () => {
    expect(statusOf(() => requireNotOwnInvite({ counsellorId: "c" }, "c"))).toBe("422 OWN_INVITE");
    expect(statusOf(() => requireNotOwnInvite({ counsellorId: "c" }, "someone"))).toBe("ok");
    expect(inviteNotFound()).toMatchObject({ statusCode: 404, code: "INVITE_NOT_FOUND", message: expect.stringContaining("Ask your counsellor") });
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
