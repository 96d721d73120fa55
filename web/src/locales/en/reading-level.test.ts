// Every sentence of the English catalogue is held to the bar the profile's items meet:
// Flesch–Kincaid grade 8 or lower (docs/model.md, §2). Short labels (fewer than six words, such as
// "Over-reliance" or "Continue") are names, not prose: the formula means nothing on them.
import { describe, expect, it } from "vitest";
import { READING_GRADE_LIMIT, readableText, textsAboveGrade, wordsOf } from "../../../../core/src/testing/reading-grade";
import { en } from "./index";

/** Shorter texts are labels; the formula is not meant for them. */
const MIN_WORDS = 6;

function flatten(node: unknown, prefix: string, into: Record<string, string>): Record<string, string> {
  if (typeof node === "string") into[prefix] = node;
  else if (node !== null && typeof node === "object") for (const [key, value] of Object.entries(node)) flatten(value, prefix ? `${prefix}.${key}` : key, into);
  return into;
}

describe("the English catalogue's reading level", () => {
  const all = flatten(en, "", {});
  const prose = Object.fromEntries(Object.entries(all).filter(([, text]) => wordsOf(readableText(text)).length >= MIN_WORDS));

  it("looks at most of the catalogue, flags, help and explanations included", () => {
    expect(Object.keys(prose).length).toBeGreaterThan(400);
    for (const key of [
      "profile.counselling.own-or-together",
      "trends.signalMeaning.sustained-decline",
      "help.counselling.intro",
      "sharing.onlyYou",
      "practiceReport.privateNote",
    ])
      expect(prose, key).toHaveProperty(key);
  });

  it(`holds every sentence to grade ${READING_GRADE_LIMIT} or lower`, () => {
    expect(textsAboveGrade(prose)).toEqual({});
  });
});
