import { describe, expect, it } from "vitest";
import { chosenNameProblem, displayNameRules, flattenToOneLine } from "./account-rules.js";
import { PRACTICE_NAME_MAX_LENGTH } from "./practice-membership.js";

describe("the rule for chosen names", () => {
  it("takes one line of ordinary text in any script, emoji joined or not, trimmed", () => {
    for (const name of ["Ana", "  Riverside Counselling  ", "李小龍", "சுமதி", "Nur Aisyah binti Ahmad", "Zoë & Ravi 👩‍❤️‍👨", "می‌خواهم"]) {
      expect(chosenNameProblem(name, displayNameRules.maxLength), name).toBeNull();
    }
  });

  it("refuses a name that could start a line of its own or reorder the text around it", () => {
    const breakers = ["\n", "\r", "\t", "\u000b", "\u000c", "\u0085", "\u2028", "\u2029", "\u001b", "\u007f", "\u202e", "\u2066", "\u200f", "\u061c"];
    for (const breaker of breakers) {
      expect(chosenNameProblem(`Harbour${breaker}Counselling`, PRACTICE_NAME_MAX_LENGTH), JSON.stringify(breaker)).toBe("not-one-line");
      expect(chosenNameProblem(`Harbour Counselling${breaker}`, PRACTICE_NAME_MAX_LENGTH), JSON.stringify(breaker)).toBe("not-one-line");
    }
  });

  it("refuses an empty name and one past its length", () => {
    expect(chosenNameProblem("   ", 80)).toBe("empty");
    expect(chosenNameProblem("x".repeat(81), 80)).toBe("too-long");
    expect(chosenNameProblem(` ${"x".repeat(80)} `, 80)).toBeNull();
  });
});

describe("flattening text to one line", () => {
  it("turns each run of line-breaking or reordering characters into one space", () => {
    expect(flattenToOneLine("Harbour\r\n\u202eCounselling\u2028Visit example.test")).toBe("Harbour Counselling Visit example.test");
    expect(flattenToOneLine("Zoë & Ravi 👩‍❤️‍👨")).toBe("Zoë & Ravi 👩‍❤️‍👨");
  });
});
