import { describe, expect, it } from "vitest";
import type { ProfileAnswers } from "../instrument/profile-answers.js";
import { INTERDEPENDENCE_PROFILE_V1 as PROFILE } from "../instrument/profile-v1.js";
import { MODEL_THRESHOLDS } from "../model-thresholds.js";
import { scoreProfile, screenSafety } from "../scoring/score-profile.js";
import { deriveFlags } from "./derive-flags.js";

/** Every item answered so that its keyed value is `keyed`, then overrides. */
function answersWith(keyed: number, overrides: Record<string, number> = {}): Record<string, number> {
  const base = Object.fromEntries(PROFILE.items.map((entry) => [entry.id, entry.isReverse ? 8 - keyed : keyed]));
  // A healthy baseline: low reliance, no safety concern.
  for (const entry of PROFILE.items) if (entry.dimension === "RELY" || entry.dimension === "SAFE") base[entry.id] = entry.isReverse ? 7 : 1;
  return { ...base, ...overrides };
}

function flagsFor(answers: ProfileAnswers) {
  return deriveFlags(PROFILE, scoreProfile(PROFILE, answers), answers, screenSafety(PROFILE, answers));
}

const ids = (answers: ProfileAnswers) => flagsFor(answers).map((flag) => flag.id);

describe("individual flags", () => {
  it("a healthy profile raises no flag", () => {
    expect(flagsFor(answersWith(6))).toEqual([]);
  });

  it("low VOICE → power imbalance, speak-up practice, severity by threshold, naming the answers", () => {
    const answers = answersWith(6, { "voice-1": 2, "voice-2": 7, "voice-3": 2, "voice-4": 6, "voice-5": 2 });
    const flag = flagsFor(answers).find((entry) => entry.id === "power-imbalance");
    expect(flag).toBeDefined();
    expect(flag?.severity).toBe("high");
    expect(flag?.practice).toBe("speak-up");
    expect(flag?.counselling).toBe("relationship");
    expect(flag?.rule.anyOf).toEqual([[{ metric: "VOICE", op: "<", value: MODEL_THRESHOLDS.flags.lowVoice.medium }]]);
    expect(flag?.triggeredBy[0]?.itemId).toBe("voice-2");
    expect(flag?.explanation).toContain("I stay quiet about my needs to keep the peace");
  });

  it("VOICE just under the medium cut is medium, with no counselling", () => {
    // Keyed 3, 4, 3, 3, 4 → mean 3.4 → (3.4 − 1)/6·100 = 40 exactly: not below 40, so no flag.
    expect(ids(answersWith(6, { "voice-1": 3, "voice-2": 4, "voice-3": 3, "voice-4": 5, "voice-5": 4 }))).not.toContain("power-imbalance");
    // Keyed 3, 3, 3, 3, 4 → mean 3.2 → 36.7: below 40 but not below 25, so medium.
    const flag = flagsFor(answersWith(6, { "voice-1": 3, "voice-2": 5, "voice-3": 3, "voice-4": 5, "voice-5": 4 })).find((entry) => entry.id === "power-imbalance");
    expect(flag?.severity).toBe("medium");
    expect(flag?.counselling).toBe("none");
  });

  it("high reliance with a shrunken own life → co-dependency risk linked to friends and family", () => {
    const answers = answersWith(6);
    for (const entry of PROFILE.items) {
      if (entry.dimension === "RELY") answers[entry.id] = entry.isReverse ? 1 : 7;
      if (entry.dimension === "SELF" || entry.dimension === "TIES") answers[entry.id] = entry.isReverse ? 6 : 2;
    }
    const flag = flagsFor(answers).find((entry) => entry.id === "codependency-risk");
    expect(flag?.severity).toBe("high");
    expect(flag?.practice).toBe("friends-family");
    expect(flag?.counselling).toBe("individual");
    expect(flag?.triggeredBy.length).toBeGreaterThan(0);
  });

  it("high reliance alone, with a full own life, is not flagged as co-dependency", () => {
    const answers = answersWith(7);
    for (const entry of PROFILE.items) if (entry.dimension === "RELY") answers[entry.id] = entry.isReverse ? 1 : 7;
    expect(ids(answers)).not.toContain("codependency-risk");
  });

  it("low CLOSE → low intimacy with relationship counselling", () => {
    const answers = answersWith(6);
    for (const entry of PROFILE.items) if (entry.dimension === "CLOSE") answers[entry.id] = entry.isReverse ? 7 : 1;
    const flag = flagsFor(answers).find((entry) => entry.id === "low-intimacy");
    expect(flag).toMatchObject({ severity: "high", counselling: "relationship", practice: "support-passions" });
  });

  it("low support received alone triggers low support", () => {
    const answers = answersWith(6, { "support-receive-1": 1, "support-receive-2": 2, "support-receive-3": 7 });
    expect(ids(answers)).toContain("low-support");
  });

  it("worry about a core-value gap → difference reflection, naming accept-6", () => {
    const flag = flagsFor(answersWith(6, { "accept-6": 6 })).find((entry) => entry.id === "difference-reflection");
    expect(flag?.triggeredBy[0]?.itemId).toBe("accept-6");
    expect(flag?.severity).toBe("low");
    expect(ids(answersWith(6, { "accept-6": 4 }))).not.toContain("difference-reflection");
  });

  it("a SAFE concern → private safety flag, joint exercises held back, relationship counselling turned individual", () => {
    const answers = answersWith(6, { "safe-2": 6 });
    for (const entry of PROFILE.items) if (entry.dimension === "CLOSE") answers[entry.id] = entry.isReverse ? 7 : 1;
    const flags = flagsFor(answers);
    const safety = flags.find((entry) => entry.id === "safety");
    expect(safety).toMatchObject({ counselling: "safety-resources", holdsBackJointExercises: true, isPrivate: true, severity: "high" });
    expect(safety?.triggeredBy.map((entry) => entry.itemId)).toEqual(["safe-2"]);
    expect(flags.find((entry) => entry.id === "low-intimacy")?.counselling).toBe("individual");
    expect(flags.filter((entry) => entry.id !== "safety").every((entry) => !entry.holdsBackJointExercises && !entry.isPrivate)).toBe(true);
  });

  it("disagreeing with 'I feel safe saying no' (reverse item) also raises the safety flag", () => {
    expect(ids(answersWith(6, { "safe-4": 3 }))).toContain("safety");
    expect(ids(answersWith(6, { "safe-4": 4 }))).not.toContain("safety");
  });

  it("every flag has a rule text, an explanation and a practice", () => {
    const answers = answersWith(2, { "safe-1": 7 });
    for (const flag of flagsFor(answers)) {
      expect(flag.rule.text.length).toBeGreaterThan(10);
      expect(flag.explanation.length).toBeGreaterThan(10);
      expect(["speak-up", "support-passions", "friends-family"]).toContain(flag.practice);
    }
  });
});
