import { describe, expect, it } from "vitest";
import { INTERDEPENDENCE_PROFILE_V1 as instrument, deriveFlags, scoreProfile, screenSafety, type DimensionCode } from "@mutual/core";
import { derivePracticeGuidance, practicesFromFlags } from "./practice-guidance.js";
import { presentProfileView } from "./profile.presenter.js";

function answersAt(levels: Partial<Record<DimensionCode, number>>, fallback = 5): Record<string, number> {
  return Object.fromEntries(
    instrument.items.map((entry) => {
      const keyed = levels[entry.dimension] ?? (entry.dimension === "SAFE" ? 1 : fallback);
      return [entry.id, entry.isReverse ? 8 - keyed : keyed];
    }),
  );
}

function guidanceFor(answers: Record<string, number>) {
  const profile = scoreProfile(instrument, answers);
  const flags = deriveFlags(instrument, profile, answers, screenSafety(instrument, answers));
  return { profile, flags, guidance: derivePracticeGuidance(profile, flags.ownerOnly) };
}

const record = {
  id: "a1",
  userId: "u1",
  instrumentId: instrument.id,
  instrumentVersion: instrument.version,
  status: "completed" as const,
  startedAt: 0,
  completedAt: 1_000,
  language: "en" as const,
};

describe("practice guidance", () => {
  it("suggests the practices the flags link to, once each, in flag order, with a reason each", () => {
    const { flags, guidance } = guidanceFor(answersAt({ VOICE: 1, CLOSE: 1 }));
    expect(guidance.suggestedPractices).toEqual(practicesFromFlags(flags.ownerOnly.flags));
    expect(guidance.suggestedPractices[0]).toBe("speak-up");
    expect(new Set(guidance.suggestedPractices).size).toBe(guidance.suggestedPractices.length);
    for (const practice of guidance.suggestedPractices) expect(guidance.reasons[practice]).toEqual(expect.any(String));
    expect(guidance.holdsBackJointExercises).toBe(false);
  });

  it("without flags, offers the practice for the lowest score", () => {
    const { flags, guidance } = guidanceFor(answersAt({ TIES: 4, RELY: 2 }, 6));
    expect(flags.ownerOnly.flags).toEqual([]);
    expect(guidance.suggestedPractices).toEqual(["friends-family"]);
  });

  it("holds back joint exercises while the owner's safety flag is up", () => {
    expect(guidanceFor(answersAt({ SAFE: 7 })).guidance.holdsBackJointExercises).toBe(true);
  });
});

describe("profile view", () => {
  it("never carries the safety check's ids or words, even when it raised a concern", () => {
    const answers = answersAt({ SAFE: 7, VOICE: 1 });
    const { profile, flags } = guidanceFor(answers);
    const view = presentProfileView(instrument, record, profile, flags.ownerOnly);
    expect(view?.safety).toEqual({ showResources: true, holdsBackJointExercises: true, skippedCheck: false });
    const text = JSON.stringify(view).toLowerCase();
    for (const entry of instrument.items.filter((item) => item.dimension === "SAFE")) {
      expect(text).not.toContain(entry.id);
      expect(text).not.toContain(entry.plain.toLowerCase());
      expect(text).not.toContain(entry.text.toLowerCase());
    }
  });
});
