import { describe, expect, it } from "vitest";
import { COUNSELLING_SCOPES } from "../contracts/counselling.js";
import { SHARE_SCOPES } from "../contracts/couple.js";
import { AUDIENCE_SUBJECTS, audienceOf, isOnlyTheirs, type SharingNow } from "./audience.js";

const nobody: SharingNow = { partner: null, counsellors: [] };

describe("who can see what, from what a person shares now", () => {
  it("with nothing shared, every kind is the person's alone", () => {
    for (const subject of AUDIENCE_SUBJECTS) expect(isOnlyTheirs(audienceOf(subject, nobody)), subject).toBe(true);
    expect(
      isOnlyTheirs(
        audienceOf("check-in-numbers", { partner: { name: "Ana", scopes: [] }, counsellors: [{ name: "Lee", practice: "Clear Path", scopes: [] }] }),
      ),
    ).toBe(true);
  });

  it("each partner scope opens exactly its kinds, and a partner can never see answers, the safety check, notes or reflections", () => {
    const opens: Record<(typeof SHARE_SCOPES)[number], string[]> = {
      overview: ["profile-scores"],
      dimensions: ["profile-scores"],
      "check-in-trends": ["check-in-numbers"],
      exercises: ["exercises-done"],
    };
    for (const scope of SHARE_SCOPES) {
      const sharing: SharingNow = { partner: { name: "Ana", scopes: [scope] }, counsellors: [] };
      const seen = AUDIENCE_SUBJECTS.filter((subject) => audienceOf(subject, sharing).partner?.name === "Ana");
      expect(seen, scope).toEqual(opens[scope]);
      for (const subject of seen) expect(audienceOf(subject, sharing).partner?.scopes, scope).toEqual([scope]);
    }
    const everything: SharingNow = { partner: { name: "Ana", scopes: [...SHARE_SCOPES] }, counsellors: [] };
    for (const subject of ["profile-answers", "safety-check", "check-in-notes", "reflections"] as const) {
      expect(audienceOf(subject, everything)).toMatchObject({ partner: null, isNeverForPartner: true });
    }
    expect(audienceOf("profile-scores", everything).partner?.scopes).toEqual(["overview", "dimensions"]);
  });

  it("each counselling scope opens exactly its kinds, per counsellor", () => {
    const opens: Record<(typeof COUNSELLING_SCOPES)[number], string[]> = {
      profile: ["profile-scores", "profile-answers"],
      "check-ins": ["check-in-numbers"],
      safety: ["safety-check"],
      notes: ["check-in-notes", "reflections"],
    };
    for (const scope of COUNSELLING_SCOPES) {
      const sharing: SharingNow = {
        partner: null,
        counsellors: [
          { name: "Lee", practice: "Clear Path", scopes: [scope] },
          { name: "Kim", practice: "Harbour", scopes: [] },
        ],
      };
      const seen = AUDIENCE_SUBJECTS.filter((subject) => audienceOf(subject, sharing).counsellors.length > 0);
      expect(seen, scope).toEqual(opens[scope]);
      for (const subject of seen) expect(audienceOf(subject, sharing).counsellors).toEqual([{ name: "Lee", practice: "Clear Path", scopes: [scope] }]);
    }
  });
});
