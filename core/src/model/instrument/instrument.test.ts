import { fleschKincaid } from "flesch-kincaid";
import { syllable } from "syllable";
import { describe, expect, it } from "vitest";
import { checkInAnswersSchema, WEEKLY_CHECK_IN } from "./check-in-definition.js";
import { findItemByRole, keyAnswer, labelScalePoint, listDimensionItems, listSubscaleItems, localizeItem } from "./instrument-lookup.js";
import { SCORED_DIMENSIONS } from "./instrument-types.js";
import { createProfileAnswersSchema } from "./profile-answers.js";
import { INTERDEPENDENCE_PROFILE_V1 as PROFILE } from "./profile-v1.js";
import { readAnswer } from "./read-answer.js";

function words(text: string): string[] {
  return text
    .split(/\s+/)
    .map((word) => word.replace(/[^A-Za-z'’-]/g, ""))
    .filter((word) => word.length > 0);
}

function gradeOf(text: string): number {
  const list = words(text);
  const sentences = Math.max(1, (text.match(/[.!?]+/g) ?? []).length);
  return fleschKincaid({ sentence: sentences, word: list.length, syllable: list.reduce((sum, word) => sum + syllable(word), 0) });
}

describe("Interdependence Profile v1", () => {
  it("has an id, a semantic version and a translation per language Mutual speaks beside English", () => {
    expect(PROFILE.id).toBe("mutual-interdependence-profile");
    expect(PROFILE.version).toMatch(/^\d+\.\d+\.\d+$/);
    expect(Object.keys(PROFILE.translations).sort()).toEqual(["ms", "ta", "zh-Hans"]);
  });

  it("labels every point of the 1–7 agreement scale", () => {
    expect(PROFILE.scale.points.map((point) => point.value)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    for (const point of PROFILE.scale.points) expect(point.label.trim().length).toBeGreaterThan(0);
  });

  it("has 4–6 items per dimension, SAFE included", () => {
    for (const code of [...SCORED_DIMENSIONS, "SAFE"] as const) {
      const count = listDimensionItems(PROFILE, code).length;
      expect(count, code).toBeGreaterThanOrEqual(4);
      expect(count, code).toBeLessThanOrEqual(6);
    }
  });

  it("has at least one reverse-keyed item per scored dimension and per SUPPORT sub-scale", () => {
    for (const code of SCORED_DIMENSIONS)
      expect(
        listDimensionItems(PROFILE, code).some((entry) => entry.isReverse),
        code,
      ).toBe(true);
    for (const subscale of ["giving", "receiving"] as const) {
      const items = listSubscaleItems(PROFILE, subscale);
      expect(items.length).toBeGreaterThanOrEqual(3);
      expect(items.some((entry) => entry.isReverse)).toBe(true);
    }
    expect(listSubscaleItems(PROFILE, "giving").length + listSubscaleItems(PROFILE, "receiving").length).toBe(listDimensionItems(PROFILE, "SUPPORT").length);
  });

  it("uses unique, stable, kebab-case item ids", () => {
    const ids = PROFILE.items.map((entry) => entry.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z]+(-[a-z]+)*-\d+$/);
  });

  it.each(PROFILE.items.map((entry) => [entry.id, entry.text] as const))("item %s is short and plain: ≤ 20 words, grade ≤ 8", (_id, text) => {
    expect(words(text).length).toBeLessThanOrEqual(20);
    expect(gradeOf(text)).toBeLessThanOrEqual(8);
  });

  it("has no double negatives and one idea per item (heuristics)", () => {
    const negation = /\b(not|no|never|nothing|nobody|none|neither|nor|without|can't|don't|won't|isn't|aren't|hardly)\b/gi;
    for (const entry of PROFILE.items) {
      expect((entry.text.match(negation) ?? []).length, entry.id).toBeLessThanOrEqual(1);
      // Two sentences or a question mark would usually mean two ideas.
      expect((entry.text.match(/[.?!]/g) ?? []).length, entry.id).toBe(1);
    }
  });

  it("gives every item a short first-person plain phrase for explanations", () => {
    for (const entry of PROFILE.items) {
      expect(entry.plain, entry.id).toMatch(/\b(I|my|our)\b/i);
      expect(words(entry.plain).length, entry.id).toBeLessThanOrEqual(12);
    }
  });

  it("carries rule data on items: one core-value-gap item, a severity on every SAFE item and only there", () => {
    expect(PROFILE.items.filter((entry) => entry.role === "core-value-gap").map((entry) => entry.id)).toEqual(["accept-6"]);
    expect(findItemByRole(PROFILE, "core-value-gap")?.id).toBe("accept-6");
    for (const entry of PROFILE.items) expect(entry.concernSeverity !== undefined, entry.id).toBe(entry.dimension === "SAFE");
    expect(PROFILE.items.filter((entry) => entry.concernSeverity === "high").map((entry) => entry.id)).toEqual(["safe-3"]);
  });

  it("asks every safety question about the past year, as the screens it leans on do", () => {
    const safety = PROFILE.items.filter((entry) => entry.dimension === "SAFE");
    expect(safety.length).toBe(4);
    for (const entry of safety) expect(entry.text, entry.id).toMatch(/^In the past year, /);
  });

  it("reads answers: whole scale points count, skips are skips, anything else is invalid with a reason", () => {
    const answers = { a: 1, b: 7, c: null, e: 0, f: 8, g: 2.5, h: Number.NaN, i: "3" as unknown as number };
    expect(["a", "b", "c", "d", "e", "f", "g", "h", "i"].map((id) => readAnswer(PROFILE, answers, id))).toEqual([
      { status: "answered", value: 1 },
      { status: "answered", value: 7 },
      { status: "skipped" },
      { status: "skipped" },
      { status: "invalid", reason: "off-scale" },
      { status: "invalid", reason: "off-scale" },
      { status: "invalid", reason: "not-a-whole-number" },
      { status: "invalid", reason: "not-a-whole-number" },
      { status: "invalid", reason: "not-a-whole-number" },
    ]);
  });

  it("the readability check itself can fail on hard text", () => {
    expect(gradeOf("Notwithstanding considerable interpersonal ambivalence, I systematically prioritise organisational responsibilities.")).toBeGreaterThan(8);
  });

  it("translations fill in per locale and fall back to the source text", () => {
    const translated = {
      ...PROFILE,
      translations: { fr: { items: { "close-1": { text: "Je me sens proche de mon partenaire." } }, scale: { 7: "Tout à fait d'accord" } } },
    };
    const entry = PROFILE.items[0];
    if (entry === undefined) throw new Error("no items");
    expect(localizeItem(translated, entry, "fr")).toEqual({ text: "Je me sens proche de mon partenaire.", plain: entry.plain });
    expect(localizeItem(translated, entry, "de")).toEqual({ text: entry.text, plain: entry.plain });
    expect(labelScalePoint(translated, 7, "fr")).toBe("Tout à fait d'accord");
    expect(labelScalePoint(translated, 6, "fr")).toBe("Agree");
  });

  it("reverse keying maps x to 8 − x and leaves positive items alone", () => {
    expect(keyAnswer({ isReverse: true }, 2)).toBe(6);
    expect(keyAnswer({ isReverse: false }, 2)).toBe(2);
  });

  it("validates answers: known ids, whole points 1–7, skips allowed", () => {
    const schema = createProfileAnswersSchema(PROFILE);
    expect(schema.safeParse({ "close-1": 7, "close-2": null }).success).toBe(true);
    expect(schema.safeParse({ "close-1": 8 }).success).toBe(false);
    expect(schema.safeParse({ "close-1": 2.5 }).success).toBe(false);
    expect(schema.safeParse({ "nope-1": 3 }).success).toBe(false);
  });
});

describe("weekly check-in definition", () => {
  it("asks the seven scored questions plus an unscored private note", () => {
    expect(WEEKLY_CHECK_IN.questions.map((question) => question.id)).toEqual([
      "spokeUp",
      "feltHeard",
      "backedPartner",
      "feltBacked",
      "friendsFamilyHours",
      "wePulse",
      "mePulse",
      "note",
    ]);
    expect(WEEKLY_CHECK_IN.questions.filter((question) => question.isScored)).toHaveLength(7);
    expect(WEEKLY_CHECK_IN.questions.find((question) => question.id === "note")?.isScored).toBe(false);
  });

  it("labels every point of its scales and keeps questions readable", () => {
    for (const question of WEEKLY_CHECK_IN.questions) {
      if (question.format.kind === "scale") expect(question.format.labels).toHaveLength(question.format.max - question.format.min + 1);
      expect(words(question.text).length).toBeLessThanOrEqual(20);
      expect(gradeOf(question.text), question.id).toBeLessThanOrEqual(8);
    }
  });

  it("validates answers and rejects unknown fields", () => {
    expect(checkInAnswersSchema.safeParse({ spokeUp: 3, friendsFamilyHours: 4.5, wePulse: 6, note: "hi" }).success).toBe(true);
    expect(checkInAnswersSchema.safeParse({ spokeUp: 5 }).success).toBe(false);
    expect(checkInAnswersSchema.safeParse({ friendsFamilyHours: 1.25 }).success).toBe(false);
    expect(checkInAnswersSchema.safeParse({ safe: 1 }).success).toBe(false);
  });
});
