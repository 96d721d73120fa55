import { describe, expect, it } from "vitest";
import { SCORED_DIMENSIONS, type ShareScope } from "@mutual/core";
import {
  FAILED_ATTEMPTS_LIMIT,
  INVITE_TTL_MS,
  inviteExpiresAt,
  isInviteOpen,
  isReportReady,
  orderScopes,
  profileShareChoice,
  reportMissing,
  reportScopesCarried,
  requireCodeShape,
  requireLinkedForRead,
  requireLinkedForWrite,
  requireNotOwnInvite,
  requireNotThrottled,
  requireShared,
} from "./couple.policy.js";

const statusOf = (work: () => unknown): number | undefined => {
  try {
    work();
    return undefined;
  } catch (error) {
    return (error as { statusCode?: number }).statusCode;
  }
};

describe("invites", () => {
  it("expire seven days after they are made, and only pending ones before that are open", () => {
    const created = Date.UTC(2026, 10, 24);
    expect(inviteExpiresAt(created) - created).toBe(7 * 24 * 60 * 60 * 1000);
    const expiresAt = created + INVITE_TTL_MS;
    expect(isInviteOpen({ status: "pending", expiresAt }, expiresAt - 1)).toBe(true);
    expect(isInviteOpen({ status: "pending", expiresAt }, expiresAt)).toBe(false);
    expect(isInviteOpen({ status: "accepted", expiresAt }, created)).toBe(false);
    expect(isInviteOpen({ status: "cancelled", expiresAt }, created)).toBe(false);
  });

  it("refuses input that cannot be a code with 400 INVALID_CODE on the code field", () => {
    expect(requireCodeShape("abcde-12345")).toBe("ABCDE12345");
    for (const bad of ["", "ABC", "ABCDE-1234U", "ABCDE-123456", "!!!!!-!!!!!"]) {
      try {
        requireCodeShape(bad);
        expect.fail(`accepted ${bad}`);
      } catch (error) {
        expect(error).toMatchObject({ statusCode: 400, code: "INVALID_CODE", fields: [{ path: "code" }] });
      }
    }
  });

  it("throttles from the tenth failure in the window", () => {
    expect(statusOf(() => requireNotThrottled(FAILED_ATTEMPTS_LIMIT - 1))).toBeUndefined();
    expect(statusOf(() => requireNotThrottled(FAILED_ATTEMPTS_LIMIT))).toBe(429);
  });

  it("refuses one's own invite with 422", () => {
    expect(statusOf(() => requireNotOwnInvite({ inviterId: "a" }, "a"))).toBe(422);
    expect(statusOf(() => requireNotOwnInvite({ inviterId: "a" }, "b"))).toBeUndefined();
  });
});

describe("partner access", () => {
  const membership = { coupleId: "c", since: 0, partnerId: "p", partnerName: "P" };

  it("needs a couple: 409 for share changes, 404 for partner reads", () => {
    expect(statusOf(() => requireLinkedForWrite(null))).toBe(409);
    expect(statusOf(() => requireLinkedForRead(null))).toBe(404);
    expect(requireLinkedForRead(membership)).toBe(membership);
  });

  it("lets a partner read a scope only while its owner shares it", () => {
    expect(statusOf(() => requireShared(["exercises"], "check-in-trends"))).toBe(403);
    expect(statusOf(() => requireShared([], "exercises"))).toBe(403);
    expect(statusOf(() => requireShared(["exercises"], "exercises"))).toBeUndefined();
  });

  it("orders scopes canonically and drops anything that is not a scope", () => {
    expect(orderScopes(["exercises", "overview", "SAFE", "notes", "overview"])).toEqual(["overview", "exercises"]);
  });
});

describe("what the couple report may use", () => {
  it("maps overview to the axes and dimensions to the seven dimensions with the support sub-scales; nothing else", () => {
    expect(profileShareChoice([])).toEqual({});
    expect(profileShareChoice(["check-in-trends", "exercises"])).toEqual({});
    expect(profileShareChoice(["overview"])).toEqual({ axes: true });
    expect(profileShareChoice(["dimensions"])).toEqual({ dimensions: [...SCORED_DIMENSIONS], subscales: true });
    expect(profileShareChoice(["dimensions"]).dimensions).not.toContain("SAFE");
  });

  it("audits only the profile scopes a report carried", () => {
    expect(reportScopesCarried(["overview", "dimensions", "exercises"], true)).toEqual(["overview", "dimensions"]);
    expect(reportScopesCarried(["check-in-trends"], true)).toEqual([]);
    expect(reportScopesCarried(["overview"], false)).toEqual([]);
  });

  it("is ready once both share a profile scope and both have a profile, and says what is missing", () => {
    const base = { mine: ["overview"] as ShareScope[], partners: ["dimensions"] as ShareScope[], myProfile: true, partnerHasProfile: true };
    const none = { myShare: false, partnerShare: false, myProfile: false, partnerProfile: false };
    expect(reportMissing(base)).toEqual(none);
    expect(isReportReady(reportMissing(base))).toBe(true);
    expect(reportMissing({ ...base, mine: ["exercises"] })).toEqual({ ...none, myShare: true });
    expect(reportMissing({ ...base, partners: ["check-in-trends"] })).toEqual({ ...none, partnerShare: true });
    expect(reportMissing({ ...base, myProfile: false })).toEqual({ ...none, myProfile: true });
    expect(reportMissing({ ...base, partnerHasProfile: false })).toEqual({ ...none, partnerProfile: true });
    // Whether a partner who shares no profile scope has a profile is not theirs to tell.
    expect(reportMissing({ ...base, partners: [], partnerHasProfile: false })).toEqual({ ...none, partnerShare: true });
    for (const missing of [{ ...none, myShare: true }, { ...none, partnerShare: true }, { ...none, myProfile: true }, { ...none, partnerProfile: true }]) {
      expect(isReportReady(missing)).toBe(false);
    }
  });
});
