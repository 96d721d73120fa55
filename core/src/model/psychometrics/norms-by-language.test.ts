import { describe, expect, it } from "vitest";
import { PROVISIONAL_NORMS, type ScoreNorms } from "../provisional-norms.js";
import { chooseNormsForLanguage } from "./norms-by-language.js";

const measured = (reliability: number, sd: number) => ({ reliability, sd, source: "deployment" as const });
/** The deployment's shared figures: CLOSE and VOICE measured, the rest provisional. */
const shared: ScoreNorms = { ...PROVISIONAL_NORMS, CLOSE: measured(0.86, 19), VOICE: measured(0.79, 17) };
/** Tamil speakers' own figures: only CLOSE has reached the minimum among them. */
const tamil: ScoreNorms = { ...PROVISIONAL_NORMS, CLOSE: measured(0.7, 22) };
/** Malay speakers have people but no dimension at the minimum yet. */
const malay: ScoreNorms = PROVISIONAL_NORMS;

describe("norms for the person's language", () => {
  it("uses a language's own figures where it has them, and the shared norms for every other score", () => {
    const choice = chooseNormsForLanguage(shared, { ta: tamil, ms: malay }, "ta", "ta");
    expect(choice.normLanguage).toBe("ta");
    expect(choice.fromLanguage).toEqual(["CLOSE"]);
    expect(choice.norms.CLOSE).toEqual(measured(0.7, 22));
    // VOICE stays the deployment's shared figure, not Tamil's provisional one.
    expect(choice.norms.VOICE).toEqual(measured(0.79, 17));
    expect(choice.norms.WE).toEqual(PROVISIONAL_NORMS.WE);
  });

  it("keeps the shared norms while a language has no figures of its own, or none at all", () => {
    expect(chooseNormsForLanguage(shared, { ta: tamil, ms: malay }, "ms", "ms")).toEqual({ norms: shared, normLanguage: null, fromLanguage: [] });
    expect(chooseNormsForLanguage(shared, { ta: tamil }, "zh-Hans", "zh-Hans")).toEqual({ norms: shared, normLanguage: null, fromLanguage: [] });
    expect(chooseNormsForLanguage(shared, {}, "en", "en").normLanguage).toBeNull();
  });

  it("compares two profiles in two languages on the shared norms", () => {
    expect(chooseNormsForLanguage(shared, { ta: tamil, en: tamil }, "en", "ta")).toEqual({ norms: shared, normLanguage: null, fromLanguage: [] });
  });

  it("never lets a language's figures stand for the composite scores", () => {
    const withComposite: ScoreNorms = { ...tamil, WE: measured(0.95, 9) };
    expect(chooseNormsForLanguage(shared, { ta: withComposite }, "ta", "ta").norms.WE).toEqual(PROVISIONAL_NORMS.WE);
  });
});
