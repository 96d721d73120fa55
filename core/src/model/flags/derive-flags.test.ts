import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { ProfileAnswers } from "../instrument/profile-answers.js";
import { INTERDEPENDENCE_PROFILE_V1 as PROFILE } from "../instrument/profile-v1.js";
import { MODEL_THRESHOLDS } from "../model-thresholds.js";
import { scoreProfile, screenSafety } from "../scoring/score-profile.js";
import { deriveFlags, deriveSafetyFlag } from "./derive-flags.js";

/** Every item answered so that its keyed value is `keyed`, then overrides. */
function answersWith(keyed: number, overrides: Record<string, number> = {}): Record<string, number> {
  const base = Object.fromEntries(PROFILE.items.map((entry) => [entry.id, entry.isReverse ? 8 - keyed : keyed]));
  // A healthy baseline: low reliance, no safety concern.
  for (const entry of PROFILE.items) if (entry.dimension === "RELY" || entry.dimension === "SAFE") base[entry.id] = entry.isReverse ? 7 : 1;
  return { ...base, ...overrides };
}

function derive(answers: ProfileAnswers) {
  return deriveFlags(PROFILE, scoreProfile(PROFILE, answers), answers, screenSafety(PROFILE, answers));
}

/** What the person sees themself: shareable flags (adjusted) plus the private safety flag. */
const flagsFor = (answers: ProfileAnswers) => derive(answers).ownerOnly.flags;

const ids = (answers: ProfileAnswers) => flagsFor(answers).map((flag) => flag.id);

const safeItems = PROFILE.items.filter((entry) => entry.dimension === "SAFE");
const otherItems = PROFILE.items.filter((entry) => entry.dimension !== "SAFE");
const point = fc.integer({ min: 1, max: 7 });
const nonSafeAnswers = fc
  .tuple(...otherItems.map(() => fc.option(point, { nil: undefined, freq: 6 })))
  .map((values) => Object.fromEntries(otherItems.map((entry, index) => [entry.id, values[index]])) as ProfileAnswers);
const safeAnswers = fc
  .tuple(...safeItems.map(() => fc.option(point, { nil: undefined })))
  .map((values) => Object.fromEntries(safeItems.map((entry, index) => [entry.id, values[index]])) as ProfileAnswers);

describe("individual flags", () => {
  it("a healthy profile raises no flag", () => {
    expect(derive(answersWith(6))).toEqual({
      shareable: [],
      ownerOnly: { safety: null, flags: [], holdsBackJointExercises: false, safetyCheckSkipped: false },
    });
  });

  it("low VOICE → power imbalance, speak-up practice, severity by threshold, naming the answers", () => {
    const answers = answersWith(6, { "voice-1": 2, "voice-2": 7, "voice-3": 2, "voice-4": 6, "voice-5": 2 });
    const flag = flagsFor(answers).find((entry) => entry.id === "power-imbalance");
    expect(flag).toBeDefined();
    expect(flag?.severity).toBe("high");
    expect(flag?.practice).toBe("speak-up");
    // A voice this low can come with control, where couples work may be unsafe: the person chooses.
    expect(flag?.counselling).toBe("own-or-together");
    expect(flag?.rule.anyOf).toEqual([[{ metric: "VOICE", op: "<", value: MODEL_THRESHOLDS.flags.lowVoice.medium }]]);
    expect(flag?.triggeredBy[0]?.itemId).toBe("voice-2");
    expect(flag?.explanation).toContain("I stay quiet about my needs to keep the peace");
  });

  it("VOICE just under the medium cut is medium, with no counselling", () => {
    // Keyed 3, 4, 3, 3, 4 → mean 3.4 → (3.4 − 1)/6·100 = 40 exactly: not below 40, so no flag.
    expect(ids(answersWith(6, { "voice-1": 3, "voice-2": 4, "voice-3": 3, "voice-4": 5, "voice-5": 4 }))).not.toContain("power-imbalance");
    // Keyed 3, 3, 3, 3, 4 → mean 3.2 → 36.7: below 40 but not below 25, so medium.
    const flag = flagsFor(answersWith(6, { "voice-1": 3, "voice-2": 5, "voice-3": 3, "voice-4": 5, "voice-5": 4 })).find(
      (entry) => entry.id === "power-imbalance",
    );
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

  it("agreeing that core values are far apart → difference reflection, naming accept-6", () => {
    const flag = flagsFor(answersWith(6, { "accept-6": 6 })).find((entry) => entry.id === "difference-reflection");
    expect(flag?.triggeredBy[0]?.itemId).toBe("accept-6");
    expect(flag?.severity).toBe("low");
    expect(ids(answersWith(6, { "accept-6": 4 }))).not.toContain("difference-reflection");
  });

  it("a SAFE concern → private safety flag; relationship counselling turns individual in the owner's view only", () => {
    const answers = answersWith(6, { "safe-2": 6 });
    for (const entry of PROFILE.items) if (entry.dimension === "CLOSE") answers[entry.id] = entry.isReverse ? 7 : 1;
    const result = derive(answers);
    expect(result.ownerOnly.safety).toMatchObject({ counselling: "safety-resources", holdsBackJointExercises: true, isPrivate: true, severity: "high" });
    expect(result.ownerOnly.safety?.triggeredBy.map((entry) => entry.itemId)).toEqual(["safe-2"]);
    expect(result.ownerOnly.holdsBackJointExercises).toBe(true);
    expect(result.ownerOnly.flags.at(-1)?.id).toBe("safety");
    expect(result.ownerOnly.flags.find((entry) => entry.id === "low-intimacy")?.counselling).toBe("individual");
    // The shareable list is untouched: no safety flag, relationship counselling as without SAFE.
    expect(result.shareable.map((entry) => entry.id)).not.toContain("safety");
    expect(result.shareable.find((entry) => entry.id === "low-intimacy")).toMatchObject({
      counselling: "relationship",
      holdsBackJointExercises: false,
      isPrivate: false,
    });
  });

  it("shareable flags are identical with and without any SAFE answers", () => {
    fc.assert(
      fc.property(nonSafeAnswers, safeAnswers, (answers, safe) => {
        const without = derive(answers).shareable;
        const withSafe = derive({ ...answers, ...safe });
        expect(withSafe.shareable).toEqual(without);
        expect(JSON.stringify(withSafe.shareable)).not.toMatch(/safe-|safety/);
      }),
      { numRuns: 200 },
    );
  });

  it("the invariance property can fail: the owner's view does change with SAFE answers", () => {
    const answers = answersWith(6, { "voice-1": 1, "voice-2": 7, "voice-3": 1, "voice-4": 7, "voice-5": 1 });
    const calm = derive(answers).ownerOnly.flags;
    const scared = derive({ ...answers, "safe-1": 7 }).ownerOnly.flags;
    expect(scared).not.toEqual(calm);
    expect(calm.find((entry) => entry.id === "power-imbalance")?.counselling).toBe("own-or-together");
    expect(scared.find((entry) => entry.id === "power-imbalance")?.counselling).toBe("individual");
  });

  it("safety severity comes from the item data: mild agreement with being hurt or threatened is high", () => {
    expect(derive(answersWith(6, { "safe-3": 5 })).ownerOnly.safety?.severity).toBe("high");
    expect(derive(answersWith(6, { "safe-1": 5 })).ownerOnly.safety?.severity).toBe("medium");
    expect(derive(answersWith(6, { "safe-1": 6 })).ownerOnly.safety?.severity).toBe("high");
    expect(PROFILE.items.find((entry) => entry.id === "safe-3")?.concernSeverity).toBe("high");
    expect(deriveSafetyFlag(screenSafety(PROFILE, answersWith(6)))).toBeNull();
  });

  it("the core-value-gap rule follows the item's role, not its id", () => {
    const moved = {
      ...PROFILE,
      items: PROFILE.items.map((entry) => {
        if (entry.id === "accept-6") return { ...entry, role: undefined };
        return entry.id === "accept-4" ? { ...entry, role: "core-value-gap" as const } : entry;
      }),
    };
    const answers = answersWith(6, { "accept-4": 6 });
    const flag = deriveFlags(moved, scoreProfile(moved, answers), answers, screenSafety(moved, answers)).shareable.find(
      (entry) => entry.id === "difference-reflection",
    );
    expect(flag?.triggeredBy[0]?.itemId).toBe("accept-4");
    expect(flag?.rule.anyOf[0]).toEqual([{ metric: "answer:accept-4", op: ">=", value: 5 }]);
  });

  it("not ruling out being hurt or threatened (a neutral answer) is already a concern, high; a neutral answer elsewhere is not", () => {
    const harm = derive(answersWith(6, { "safe-3": 4 }));
    expect(harm.ownerOnly.safety).toMatchObject({ id: "safety", severity: "high", counselling: "safety-resources" });
    expect(harm.ownerOnly.safety?.triggeredBy.map((entry) => [entry.itemId, entry.answerLabel])).toEqual([["safe-3", "Neither agree nor disagree"]]);
    expect(ids(answersWith(6, { "safe-3": 3 }))).not.toContain("safety");
    for (const other of ["safe-1", "safe-2"]) expect(ids(answersWith(6, { [other]: 4 })), other).not.toContain("safety");
    // Only the ids with high severity take the lower bar: it is item data, not a hard-coded id.
    const milder = { ...PROFILE, items: PROFILE.items.map((entry) => (entry.id === "safe-3" ? { ...entry, concernSeverity: "medium" as const } : entry)) };
    const answers = answersWith(6, { "safe-3": 4 });
    expect(deriveFlags(milder, scoreProfile(milder, answers), answers, screenSafety(milder, answers)).ownerOnly.safety).toBeNull();
  });

  it("a safety check left wholly unanswered is noted for the person alone, never as a flag", () => {
    const skipped = answersWith(6);
    for (const entry of PROFILE.items) if (entry.dimension === "SAFE") delete skipped[entry.id];
    const result = derive(skipped);
    expect(result.ownerOnly).toMatchObject({ safety: null, safetyCheckSkipped: true, holdsBackJointExercises: false });
    expect(result.shareable).toEqual(derive(answersWith(6)).shareable);
    // One answer given is not a skipped check.
    expect(derive({ ...skipped, "safe-1": 1 }).ownerOnly.safetyCheckSkipped).toBe(false);
    expect(derive(answersWith(6)).ownerOnly.safetyCheckSkipped).toBe(false);
  });

  it("explanations quote the statements' exact words, never a paraphrase", () => {
    const answers = answersWith(2, { "safe-3": 7, "accept-6": 7 });
    for (const entry of PROFILE.items) if (entry.dimension === "RELY") answers[entry.id] = entry.isReverse ? 1 : 7;
    const texts = PROFILE.items.map((entry) => entry.text);
    for (const flag of flagsFor(answers)) {
      const quoted = [...flag.explanation.matchAll(/"([^"]+)"/g)].map((match) => match[1]!);
      expect(quoted.length, flag.id).toBeGreaterThan(0);
      expect(
        quoted.filter((words) => !texts.includes(words)),
        flag.id,
      ).toEqual([]);
    }
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
