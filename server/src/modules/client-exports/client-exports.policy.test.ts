import { describe, expect, it } from "vitest";
import { carriedScopes, exportContentOf } from "./client-exports.policy.js";

describe("client exports policy", () => {
  it("each scope carries only its own content", () => {
    expect(exportContentOf([])).toEqual({ profile: false, safety: false, checkIns: false, notes: false });
    expect(exportContentOf(["profile", "check-ins"])).toEqual({ profile: true, safety: false, checkIns: true, notes: false });
    expect(exportContentOf(["safety", "notes"])).toEqual({ profile: false, safety: true, checkIns: false, notes: true });
  });

  it("audits only the scopes an export carries", () => {
    const all = exportContentOf(["profile", "safety", "check-ins", "notes"]);
    expect(carriedScopes(all, { profiles: true, checkIns: false, notes: false })).toEqual(["profile", "safety"]);
    expect(carriedScopes(all, { profiles: true, checkIns: true, notes: true })).toEqual(["profile", "safety", "check-ins", "notes"]);
    expect(carriedScopes(exportContentOf(["check-ins"]), { profiles: true, checkIns: false, notes: false })).toEqual([]);
  });
});
