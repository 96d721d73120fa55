import { describe, expect, it } from "vitest";
import { answerLanguageAfter, isAnswerLanguage } from "./answer-language.js";

describe("the language a profile was answered in", () => {
  it("follows the page until the first answer, so a switch before answering mixes nothing", () => {
    expect(answerLanguageAfter("en", 0, "ta")).toBe("ta");
  });

  it("stays one language while every answer is in it", () => {
    expect(answerLanguageAfter("ta", 12, "ta")).toBe("ta");
  });

  it("is marked mixed after an answer in another language, and stays mixed", () => {
    expect(answerLanguageAfter("ta", 3, "zh-Hans")).toBe("mixed");
    expect(answerLanguageAfter("mixed", 4, "ta")).toBe("mixed");
  });

  it("knows its values", () => {
    expect(["en", "zh-Hans", "ms", "ta", "mixed"].every(isAnswerLanguage)).toBe(true);
    expect(isAnswerLanguage("fr")).toBe(false);
  });
});
