import { describe, expect, it } from "vitest";
import { SCORED_DIMENSIONS, type ShareScope } from "@mutual/core";
import {
  inviteNotFound,
  isReportReady,
  orderScopes,
  profileShareChoice,
  reportMissing,
  reportScopesCarried,
  requireLinkedForRead,
  requireLinkedForWrite,
  requireNotOwnInvite,
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
  it("refuses one's own invite with 422, and calls an unusable code one thing", () => {
    expect(statusOf(() => requireNotOwnInvite({ inviterId: "a" }, "a"))).toBe(422);
    expect(statusOf(() => requireNotOwnInvite({ inviterId: "a" }, "b"))).toBeUndefined();
    expect(inviteNotFound()).toMatchObject({ statusCode: 404, code: "INVITE_NOT_FOUND", message: expect.stringContaining("Ask your partner") });
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
    for (const missing of [
      { ...none, myShare: true },
      { ...none, partnerShare: true },
      { ...none, myProfile: true },
      { ...none, partnerProfile: true },
    ]) {
      expect(isReportReady(missing)).toBe(false);
    }
  });
});
