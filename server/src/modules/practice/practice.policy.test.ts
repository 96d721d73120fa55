import { describe, expect, it } from "vitest";
import { PRACTICE_ROLES } from "@mutual/core";
import { DomainError } from "../../domain/errors.js";
import { decidePracticeRole, isPracticeRole, managesMembers, practiceAfterLeaving, requireTwoFactor, type Membership } from "./practice.policy.js";

const member = (role: Membership["role"]): Membership => ({ memberId: "m1", practiceId: "p1", userId: "u1", role });

describe("practice policy", () => {
  it("knows exactly the three roles", () => {
    expect(PRACTICE_ROLES.filter(isPracticeRole)).toEqual(["owner", "admin", "counsellor"]);
    for (const other of ["member", "Owner", "", "admin,counsellor"]) expect(isPracticeRole(other), other).toBe(false);
  });

  it("lets owners and admins manage members, not counsellors", () => {
    expect(managesMembers("owner")).toBe(true);
    expect(managesMembers("admin")).toBe(true);
    expect(managesMembers("counsellor")).toBe(false);
  });

  it("answers 404 to a non-member, whatever roles are asked for", () => {
    const decision = decidePracticeRole(null, ["owner", "admin", "counsellor"]);
    expect(decision.ok).toBe(false);
    if (!decision.ok) expect(decision.error).toMatchObject({ statusCode: 404, code: "NOT_FOUND" });
  });

  it("answers 403 to a member whose role is not among those asked for, and the membership otherwise", () => {
    const refused = decidePracticeRole(member("counsellor"), ["owner", "admin"]);
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.error).toMatchObject({ statusCode: 403, code: "PRACTICE_ROLE_REQUIRED" });
    for (const role of PRACTICE_ROLES) {
      const allowed = decidePracticeRole(member(role), PRACTICE_ROLES);
      expect(allowed).toEqual({ ok: true, membership: member(role) });
    }
    expect(decidePracticeRole(member("owner"), []).ok).toBe(false);
  });

  it("refuses client data without two-step sign-in: 403 TWO_FACTOR_REQUIRED with a plain message", () => {
    let thrown: unknown;
    try {
      requireTwoFactor({ twoFactorEnabled: false });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(DomainError);
    expect(thrown).toMatchObject({
      statusCode: 403,
      code: "TWO_FACTOR_REQUIRED",
      message: "Turn on two-step sign-in before you can see any client's information.",
    });
    expect(() => requireTwoFactor({ twoFactorEnabled: true })).not.toThrow();
  });

  it("keeps an owner in every practice someone leaves: the oldest admin, else the oldest counsellor; an emptied practice goes", () => {
    const row = (memberId: string, userId: string, role: string, joinedAt: number) => ({ memberId, userId, role, joinedAt });
    expect(practiceAfterLeaving([row("m1", "u1", "owner", 1)], "u1")).toEqual({ action: "delete" });
    expect(practiceAfterLeaving([row("m1", "u1", "owner", 1), row("m2", "u2", "counsellor", 2)], "u2")).toEqual({ action: "keep" });
    expect(practiceAfterLeaving([row("m1", "u1", "owner", 1), row("m2", "u2", "owner", 2), row("m3", "u3", "admin", 3)], "u1")).toEqual({ action: "keep" });
    expect(
      practiceAfterLeaving([row("m1", "u1", "owner", 1), row("m2", "u2", "counsellor", 2), row("m4", "u4", "admin", 5), row("m3", "u3", "admin", 4)], "u1"),
    ).toEqual({ action: "promote", memberId: "m3" });
    expect(practiceAfterLeaving([row("m1", "u1", "owner", 1), row("m3", "u3", "counsellor", 3), row("m2", "u2", "counsellor", 2)], "u1")).toEqual({
      action: "promote",
      memberId: "m2",
    });
  });
});
