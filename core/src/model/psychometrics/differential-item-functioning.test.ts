import { describe, expect, it } from "vitest";
import { listDimensionItems } from "../instrument/instrument-lookup.js";
import { SCORED_DIMENSIONS } from "../instrument/instrument-types.js";
import { INTERDEPENDENCE_PROFILE_V1 as PROFILE } from "../instrument/profile-v1.js";
import { createMulberry32 } from "../ordering/seeded-random.js";
import { chiSquareOneDfUpperTail, computeMantelDif, screenLanguagesForDif, type LanguageResponse } from "./differential-item-functioning.js";

function normalSampler(seed: number): () => number {
  const random = createMulberry32(seed);
  return () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
}

type Simulation = { seed: number; focalPeople: number; referencePeople: number; focalMeanShift?: number; plantedItem?: string; plantedShift?: number };

/**
 * People answer the real instrument from one latent level per dimension: each item reads the level
 * plus its own difficulty and noise, cut into the 1–7 scale (reverse items answered the other way).
 * The focal group ("ta") can sit higher overall (impact) and can read one planted item differently.
 */
function simulate({ seed, focalPeople, referencePeople, focalMeanShift = 0, plantedItem, plantedShift = 0 }: Simulation): LanguageResponse[] {
  const normal = normalSampler(seed);
  const difficulty = new Map(PROFILE.items.map((item, index) => [item.id, ((index * 37) % 11) / 10 - 0.5]));
  const responses: LanguageResponse[] = [];
  for (let person = 0; person < focalPeople + referencePeople; person += 1) {
    const focal = person < focalPeople;
    const answers: Record<string, number> = {};
    for (const dimension of SCORED_DIMENSIONS) {
      const level = normal() + (focal ? focalMeanShift : 0);
      for (const item of listDimensionItems(PROFILE, dimension)) {
        const shift = focal && item.id === plantedItem ? plantedShift : 0;
        const latent = level + (difficulty.get(item.id) as number) + shift + 0.8 * normal();
        const keyed = Math.min(7, Math.max(1, Math.round(4 + 1.3 * latent)));
        answers[item.id] = item.isReverse ? 8 - keyed : keyed;
      }
    }
    responses.push({ language: focal ? "ta" : "en", answers });
  }
  return responses;
}

const flaggedIn = (screen: ReturnType<typeof screenLanguagesForDif>, language: string) =>
  screen
    .find((entry) => entry.language === language)
    ?.items.filter((item) => item.flagged)
    .map((item) => item.itemId) ?? [];

const plantedItem = (listDimensionItems(PROFILE, "VOICE")[1] ?? PROFILE.items[0])!.id;

describe("Mantel's test for one item", () => {
  it("one stratum worked by hand: chi-square 1.5, p 0.2207, focal one point lower, SMD −1.22", () => {
    const result = computeMantelDif([
      { score: 1, rest: 10, focal: true },
      { score: 2, rest: 10, focal: true },
      { score: 2, rest: 10, focal: false },
      { score: 3, rest: 10, focal: false },
    ]);
    // Observed focal sum 3, expected 4, variance (2·2)/(4²·3)·(4·18 − 8²) = 2/3.
    expect(result.chiSquare).toBeCloseTo(1.5, 10);
    expect(result.pValue).toBeCloseTo(0.220671, 5);
    expect(result.meanDifference).toBeCloseTo(-1, 10);
    expect(result.standardisedDifference).toBeCloseTo(-1 / Math.sqrt(2 / 3), 10);
    expect(result.strataUsed).toBe(1);
  });

  it("strata holding only one group inform nothing", () => {
    const result = computeMantelDif([
      { score: 1, rest: 3, focal: true },
      { score: 7, rest: 20, focal: false },
    ]);
    expect(result).toMatchObject({ chiSquare: null, pValue: null, strataUsed: 0 });
  });

  it("chi-square tail matches the textbook critical values", () => {
    expect(chiSquareOneDfUpperTail(3.841459)).toBeCloseTo(0.05, 6);
    expect(chiSquareOneDfUpperTail(6.634897)).toBeCloseTo(0.01, 6);
    expect(chiSquareOneDfUpperTail(10.827566)).toBeCloseTo(0.001, 6);
    expect(chiSquareOneDfUpperTail(0)).toBe(1);
  });
});

describe("screening languages for items that behave differently", () => {
  it.each([1, 2, 3, 4, 5])("finds the one planted item and nothing else (seed %i)", (seed) => {
    const screen = screenLanguagesForDif(PROFILE, simulate({ seed, focalPeople: 300, referencePeople: 600, plantedItem, plantedShift: 0.9 }), 100);
    expect(flaggedIn(screen, "ta")).toEqual([plantedItem]);
    const finding = screen.find((entry) => entry.language === "ta")?.items.find((item) => item.itemId === plantedItem);
    // The planted item reads higher for the focal group, and the screen says which way.
    expect(finding?.standardisedDifference).toBeGreaterThan(0.25);
  });

  it.each([11, 12, 13, 14, 15])("flags nothing when no item is biased (seed %i)", (seed) => {
    const screen = screenLanguagesForDif(PROFILE, simulate({ seed, focalPeople: 300, referencePeople: 600 }), 100);
    expect(flaggedIn(screen, "ta")).toEqual([]);
    expect(flaggedIn(screen, "en")).toEqual([]);
  });

  it.each([21, 22, 23])("flags nothing when one language's speakers simply score higher (seed %i)", (seed) => {
    const screen = screenLanguagesForDif(PROFILE, simulate({ seed, focalPeople: 300, referencePeople: 600, focalMeanShift: 0.6 }), 100);
    expect(flaggedIn(screen, "ta")).toEqual([]);
  });

  it("screens a language only once it and the rest reach the minimum", () => {
    const screen = screenLanguagesForDif(PROFILE, simulate({ seed: 7, focalPeople: 40, referencePeople: 600, plantedItem, plantedShift: 2 }), 50);
    expect(screen.find((entry) => entry.language === "ta")).toMatchObject({ screened: false, nFocal: 40, nReference: 600, items: [] });
    // English has enough people, but its reference group (everyone else) does not.
    expect(screen.find((entry) => entry.language === "en")).toMatchObject({ screened: false, items: [] });
  });

  it("a single language has nothing to compare with", () => {
    const responses = simulate({ seed: 8, focalPeople: 0, referencePeople: 200 });
    expect(screenLanguagesForDif(PROFILE, responses, 50)).toEqual([{ language: "en", nFocal: 200, nReference: 0, screened: false, items: [] }]);
  });

  it("a person who skipped an item is left out of that dimension only", () => {
    const responses = simulate({ seed: 9, focalPeople: 120, referencePeople: 120 });
    const skipped = listDimensionItems(PROFILE, "VOICE")[0]!.id;
    const withSkip = responses.map((response, index) => (index === 0 ? { ...response, answers: { ...response.answers, [skipped]: null } } : response));
    const before = screenLanguagesForDif(PROFILE, responses, 100)[1]!;
    const after = screenLanguagesForDif(PROFILE, withSkip, 100)[1]!;
    const voice = (screen: typeof before) => screen.items.find((item) => item.dimension === "VOICE")!;
    const close = (screen: typeof before) => screen.items.find((item) => item.dimension === "CLOSE")!;
    expect(voice(after).chiSquare).not.toBe(voice(before).chiSquare);
    expect(close(after)).toEqual(close(before));
  });
});
