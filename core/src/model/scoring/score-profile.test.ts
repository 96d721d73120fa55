import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { listDimensionItems } from "../instrument/instrument-lookup.js";
import { SCORED_DIMENSIONS, type ScoredDimensionCode } from "../instrument/instrument-types.js";
import type { ProfileAnswers } from "../instrument/profile-answers.js";
import { INTERDEPENDENCE_PROFILE_V1 as PROFILE } from "../instrument/profile-v1.js";
import { orderItemsForRespondent } from "../ordering/item-order.js";
import { computeSem, PROVISIONAL_NORMS } from "../provisional-norms.js";
import { countMinimumAnswered, rescaleToHundred } from "./score-dimension.js";
import { computeCodependencyIndex, placePattern, scoreDimension, scoreProfile, screenSafety } from "./score-profile.js";

const ids = PROFILE.items.map((entry) => entry.id);
const point = fc.integer({ min: 1, max: 7 });
const completeAnswers = fc
  .tuple(...ids.map(() => point))
  .map((values) => Object.fromEntries(ids.map((id, index) => [id, values[index]])) as Record<string, number>);
const partialAnswers = fc
  .tuple(...ids.map(() => fc.option(point, { nil: undefined })))
  .map((values) => Object.fromEntries(ids.map((id, index) => [id, values[index]])) as ProfileAnswers);

/** Every item answered so that its keyed value is `keyed`. */
function allKeyed(keyed: number): Record<string, number> {
  return Object.fromEntries(PROFILE.items.map((entry) => [entry.id, entry.isReverse ? 8 - keyed : keyed]));
}

function scoreOf(answers: ProfileAnswers, code: ScoredDimensionCode): number {
  const result = scoreDimension(PROFILE, code, answers);
  if (result.status !== "scored") throw new Error(`${code} missing`);
  return result.score;
}

describe("dimension scores", () => {
  it("rescale (mean − 1)/6·100: 1 → 0, 4 → 50, 7 → 100", () => {
    expect(rescaleToHundred(1)).toBe(0);
    expect(rescaleToHundred(4)).toBe(50);
    expect(rescaleToHundred(7)).toBe(100);
  });

  it("a hand-computed CLOSE score with a reverse item", () => {
    // close-1..5 = 6, 5, 7, 2 (reverse → 6), 4 → mean 28/5 = 5.6 → (4.6/6)·100 = 76.666…
    const answers = { "close-1": 6, "close-2": 5, "close-3": 7, "close-4": 2, "close-5": 4 };
    expect(scoreOf(answers, "CLOSE")).toBeCloseTo(76.6667, 3);
  });

  it("stay within [0, 100] for any answers", () => {
    fc.assert(
      fc.property(partialAnswers, (answers) => {
        const profile = scoreProfile(PROFILE, answers);
        for (const score of [
          ...Object.values(profile.dimensions),
          profile.subscales.giving,
          profile.subscales.receiving,
          profile.we,
          profile.me,
          profile.codependency,
        ]) {
          if (score.status !== "scored") continue;
          expect(score.score).toBeGreaterThanOrEqual(0);
          expect(score.score).toBeLessThanOrEqual(100);
        }
      }),
    );
  });

  it("stays within [0, 100] for any input, setting aside fractional or off-scale values with a reason", () => {
    const anything = fc.oneof(fc.integer({ min: -20, max: 20 }), fc.double(), fc.constant(null), fc.constant(undefined));
    fc.assert(
      fc.property(fc.tuple(...ids.map(() => anything)), (values) => {
        const answers = Object.fromEntries(ids.map((id, index) => [id, values[index]])) as ProfileAnswers;
        const profile = scoreProfile(PROFILE, answers);
        for (const score of [...Object.values(profile.dimensions), profile.we, profile.me, profile.codependency]) {
          if (score.status !== "scored") continue;
          expect(score.score).toBeGreaterThanOrEqual(0);
          expect(score.score).toBeLessThanOrEqual(100);
        }
        for (const dimension of Object.values(profile.dimensions)) {
          for (const ignored of dimension.ignoredAnswers) {
            const value = answers[ignored.itemId] as number;
            expect(Number.isInteger(value) && value >= 1 && value <= 7).toBe(false);
          }
        }
      }),
    );
  });

  it("an answer of 12, −5 or 2.5 is not scored: SELF stays on the scale and says why", () => {
    const result = scoreDimension(PROFILE, "SELF", { "self-1": 12, "self-2": 7, "self-3": 7, "self-4": 1, "self-5": 7 });
    expect(result).toMatchObject({ status: "scored", score: 100, answered: 4, isProrated: true, ignoredAnswers: [{ itemId: "self-1", reason: "off-scale" }] });
    const worse = scoreDimension(PROFILE, "SELF", { "self-1": -5, "self-2": 2.5, "self-3": 7, "self-4": 1, "self-5": 7 });
    expect(worse).toMatchObject({ status: "missing", answered: 3 });
    expect(worse.ignoredAnswers).toEqual([
      { itemId: "self-1", reason: "off-scale" },
      { itemId: "self-2", reason: "not-a-whole-number" },
    ]);
  });

  it("reverse keying is symmetric: mirroring every answer (x → 8 − x) mirrors every score (s → 100 − s)", () => {
    fc.assert(
      fc.property(completeAnswers, (answers) => {
        const mirrored = Object.fromEntries(Object.entries(answers).map(([id, value]) => [id, 8 - value]));
        for (const code of SCORED_DIMENSIONS) expect(scoreOf(mirrored, code)).toBeCloseTo(100 - scoreOf(answers, code), 9);
      }),
    );
  });

  it("raising agreement on a positively keyed item never lowers its dimension (and lowers it for a reverse item)", () => {
    fc.assert(
      fc.property(partialAnswers, fc.constantFrom(...PROFILE.items.filter((entry) => entry.dimension !== "SAFE")), point, (answers, entry, from) => {
        fc.pre(from < 7);
        const before = { ...answers, [entry.id]: from };
        const after = { ...answers, [entry.id]: from + 1 };
        const code = entry.dimension as ScoredDimensionCode;
        const a = scoreDimension(PROFILE, code, before);
        const b = scoreDimension(PROFILE, code, after);
        if (a.status !== "scored" || b.status !== "scored") return;
        if (entry.isReverse) expect(b.score).toBeLessThan(a.score);
        else expect(b.score).toBeGreaterThan(a.score);
      }),
    );
  });

  it("prorates at ≥ 75% answered and reports missing below, with a reason", () => {
    fc.assert(
      fc.property(partialAnswers, fc.constantFrom(...SCORED_DIMENSIONS), (answers, code) => {
        const items = listDimensionItems(PROFILE, code);
        const answered = items.filter((entry) => answers[entry.id] !== undefined).length;
        const result = scoreDimension(PROFILE, code, answers);
        expect(result.answered).toBe(answered);
        if (answered / items.length >= 0.75) {
          expect(result.status).toBe("scored");
          if (result.status === "scored") expect(result.isProrated).toBe(answered < items.length);
        } else {
          expect(result.status).toBe("missing");
          if (result.status === "missing") expect(result.message).toContain(`${countMinimumAnswered(items.length)} of ${items.length}`);
        }
      }),
    );
  });

  it("a prorated score is the mean of the answered items", () => {
    // 4 of 5 CLOSE answered (80%): keyed 7, 7, 7, 1 → mean 5.5 → 75.
    const result = scoreDimension(PROFILE, "CLOSE", { "close-1": 7, "close-2": 7, "close-3": 7, "close-4": 7 });
    expect(result).toMatchObject({ status: "scored", score: 75, isProrated: true, answered: 4, total: 5 });
    expect(scoreDimension(PROFILE, "CLOSE", { "close-1": 7, "close-2": 7, "close-3": 7 }).status).toBe("missing");
  });

  it("minimum answered counts: 4 → 3, 5 → 4, 6 → 5, 3 → 3", () => {
    expect([4, 5, 6, 3].map((total) => countMinimumAnswered(total))).toEqual([3, 4, 5, 3]);
  });

  it("explains a score with the answers that moved it most, quoting only each statement's exact words", () => {
    const answers = { "voice-1": 6, "voice-2": 7, "voice-3": 4, "voice-4": 5, "voice-5": 3 };
    const result = scoreDimension(PROFILE, "VOICE", answers);
    if (result.status !== "scored") throw new Error("expected scored");
    expect(result.explanation.influences.map((entry) => [entry.itemId, entry.direction])).toEqual([
      ["voice-2", "lowered"],
      ["voice-1", "raised"],
      ["voice-4", "lowered"],
    ]);
    expect(result.explanation.text).toContain('"I stay quiet about my needs to keep the peace."');
    expect(result.explanation.text).toContain("Strongly agree");
    // Whatever stands in quotation marks is a statement exactly as the person read it, never a paraphrase.
    const quoted = [...result.explanation.text.matchAll(/"([^"]+)"/g)].map((match) => match[1]);
    const labels = PROFILE.scale.points.map((point) => point.label);
    const texts = PROFILE.items.map((entry) => entry.text);
    expect(quoted.filter((words) => !labels.includes(words!) && !texts.includes(words!))).toEqual([]);
    expect(result.explanation.influences.map((entry) => entry.text)).toEqual([
      "I stay quiet about my needs to keep the peace.",
      "I tell my partner what I think, even when we disagree.",
      "I go along with things that clash with my values.",
    ]);
  });
});

describe("We, Me, co-dependency and pattern", () => {
  it("We and Me are the means of their three dimensions", () => {
    fc.assert(
      fc.property(completeAnswers, (answers) => {
        const profile = scoreProfile(PROFILE, answers);
        const mean = (codes: ScoredDimensionCode[]) => codes.reduce((sum, code) => sum + scoreOf(answers, code), 0) / 3;
        expect(profile.we.status === "scored" && profile.we.score).toBeCloseTo(mean(["CLOSE", "SUPPORT", "ACCEPT"]), 9);
        expect(profile.me.status === "scored" && profile.me.score).toBeCloseTo(mean(["VOICE", "SELF", "TIES"]), 9);
      }),
    );
  });

  it("an axis is missing when one of its dimensions is", () => {
    const answers = allKeyed(6);
    for (const entry of listDimensionItems(PROFILE, "ACCEPT")) delete answers[entry.id];
    const profile = scoreProfile(PROFILE, answers);
    expect(profile.we.status).toBe("missing");
    expect(profile.me.status).toBe("scored");
    expect(profile.pattern.status).toBe("missing");
  });

  it("co-dependency index = sqrt(RELY · (100 − mean(SELF, TIES)))", () => {
    expect(computeCodependencyIndex(100, 0, 0)).toBe(100);
    expect(computeCodependencyIndex(0, 0, 0)).toBe(0);
    expect(computeCodependencyIndex(100, 100, 100)).toBe(0);
    expect(computeCodependencyIndex(64, 20, 30)).toBeCloseTo(Math.sqrt(64 * 75), 12);
  });

  it("places the four patterns and the band between them", () => {
    const bandWe = computeSem(PROVISIONAL_NORMS.WE);
    expect(placePattern(80, 80).pattern).toBe("interdependent");
    expect(placePattern(20, 80).pattern).toBe("independent");
    expect(placePattern(80, 20).pattern).toBe("leaning-co-dependent");
    expect(placePattern(20, 20).pattern).toBe("disconnected");
    const between = placePattern(50 + bandWe / 2, 80);
    expect(between.pattern).toBe("between-patterns");
    expect(between.candidates.sort()).toEqual(["independent", "interdependent"]);
    expect(placePattern(50 + bandWe + 0.01, 80).pattern).toBe("interdependent");
    expect(placePattern(50, 50).candidates).toHaveLength(4);
    expect(between.normSource).toBe("provisional");
  });

  it("the band is SEM = SD·sqrt(1 − r) of each axis (provisional values)", () => {
    const placed = placePattern(70, 70);
    expect(placed.band.we).toBeCloseTo(15 * Math.sqrt(1 - 0.88), 12);
    expect(placed.band.me).toBeCloseTo(15 * Math.sqrt(1 - 0.85), 12);
  });

  it("listing the items in a respondent's presentation order changes no score, pattern or explanation", () => {
    fc.assert(
      fc.property(completeAnswers, fc.string(), (answers, respondentId) => {
        // The order from the ordering module, applied to the instrument itself: scoring must not read position.
        const position = new Map(orderItemsForRespondent(PROFILE, respondentId).map((id, index) => [id, index]));
        const reordered = { ...PROFILE, items: [...PROFILE.items].sort((a, b) => (position.get(a.id) ?? 0) - (position.get(b.id) ?? 0)) };
        expect(reordered.items.map((entry) => entry.id)).not.toEqual(ids);
        expect(scoreProfile(reordered, answers)).toEqual(scoreProfile(PROFILE, answers));
      }),
      { numRuns: 50 },
    );
  });

  it("strong agreement everywhere is interdependent; SAFE answers never change the profile", () => {
    const answers = allKeyed(7);
    const profile = scoreProfile(PROFILE, answers);
    expect(profile.pattern.status === "placed" && profile.pattern.pattern).toBe("interdependent");
    const scared = { ...answers, "safe-1": 7, "safe-2": 7, "safe-3": 7, "safe-4": 1 };
    expect(scoreProfile(PROFILE, scared)).toEqual(profile);
    expect(JSON.stringify(profile)).not.toMatch(/safe-/);
  });

  it("the safety screen keys safe-4 in reverse and lists concerns at 5 or above", () => {
    const screen = screenSafety(PROFILE, { "safe-1": 5, "safe-2": 2, "safe-3": 1, "safe-4": 1 });
    expect(screen.highestKeyed).toBe(7);
    expect(screen.concerns.map((entry) => entry.itemId)).toEqual(["safe-4", "safe-1"]);
    expect(screenSafety(PROFILE, {}).highestKeyed).toBeNull();
  });
});
