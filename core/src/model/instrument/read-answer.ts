// One place that decides whether a stored answer counts: everything downstream trusts only this.
import type { Instrument } from "./instrument-types.js";
import type { ProfileAnswers } from "./profile-answers.js";

/** Why an answer was set aside instead of scored. */
export type InvalidAnswerReason = "not-a-whole-number" | "off-scale";

export type AnswerReading = { status: "answered"; value: number } | { status: "skipped" } | { status: "invalid"; reason: InvalidAnswerReason };

/** An answer the model refused, reported so a caller can see why a score has fewer answers than expected. */
export type IgnoredAnswer = { itemId: string; reason: InvalidAnswerReason };

/** Read one answer: a whole scale point counts; null/undefined is a skip; anything else is invalid. */
export function readAnswer(instrument: Instrument, answers: ProfileAnswers, itemId: string): AnswerReading {
  const value: unknown = answers[itemId];
  if (value === null || value === undefined) return { status: "skipped" };
  // Callers may hand in unparsed data (the type is only a promise), so the number check is real.
  if (typeof value !== "number" || !Number.isInteger(value)) return { status: "invalid", reason: "not-a-whole-number" };
  if (value < instrument.scale.min || value > instrument.scale.max) return { status: "invalid", reason: "off-scale" };
  return { status: "answered", value };
}

/** The valid answer to an item, or undefined when it was skipped or invalid. */
export function readValidAnswer(instrument: Instrument, answers: ProfileAnswers, itemId: string): number | undefined {
  const reading = readAnswer(instrument, answers, itemId);
  return reading.status === "answered" ? reading.value : undefined;
}
