import { describe, expect, it } from "vitest";
import { PRACTICE_EXERCISES, findPracticeExercise, suggestExercises, type ExerciseGuidance } from "./index.js";

const none: ExerciseGuidance = { suggestedPractices: [], holdsBackJointExercises: false, reasons: {} };

describe("practice exercises", () => {
  it("has at least three exercises per practice, each well formed, with unique ids", () => {
    for (const practice of ["speak-up", "support-passions", "friends-family"] as const) {
      const ofPractice = PRACTICE_EXERCISES.filter((exercise) => exercise.practice === practice);
      expect(ofPractice.length).toBeGreaterThanOrEqual(3);
      // Someone whose joint exercises are held back still has exercises of every practice.
      expect(ofPractice.filter((exercise) => !exercise.isJoint).length).toBeGreaterThanOrEqual(2);
    }
    expect(new Set(PRACTICE_EXERCISES.map((exercise) => exercise.id)).size).toBe(PRACTICE_EXERCISES.length);
    for (const exercise of PRACTICE_EXERCISES) {
      expect(exercise.steps.length).toBeGreaterThanOrEqual(3);
      expect(exercise.steps.length).toBeLessThanOrEqual(6);
      expect(exercise.minutes).toBeGreaterThan(0);
      expect(exercise.title && exercise.summary && exercise.reflectionPrompt).toBeTruthy();
      expect(exercise.id.startsWith(exercise.practice)).toBe(true);
    }
    expect(findPracticeExercise("friends-family-draw-your-circle")?.practice).toBe("friends-family");
    expect(findPracticeExercise("nope")).toBeUndefined();
  });
});

describe("suggestExercises", () => {
  it("suggests nothing and holds nothing back without guidance", () => {
    const result = suggestExercises(none);
    expect(result).toHaveLength(PRACTICE_EXERCISES.length);
    expect(result.every((entry) => !entry.isSuggested && !entry.isHeldBack && entry.suggestionReason === null)).toBe(true);
  });

  it("suggests the first exercises of the suggested practices with the reason, most relevant practice first", () => {
    const result = suggestExercises({
      suggestedPractices: ["friends-family", "speak-up"],
      holdsBackJointExercises: false,
      reasons: { "friends-family": "Because." },
    });
    const suggested = result.filter((entry) => entry.isSuggested);
    expect(suggested.map((entry) => entry.exercise.id)).toEqual([
      "friends-family-draw-your-circle",
      "friends-family-reach-out-this-week",
      "speak-up-notice-the-swallowed-words",
      "speak-up-draft-it-first",
    ]);
    expect(suggested[0]?.suggestionReason).toBe("Because.");
    expect(suggested[2]?.suggestionReason).toBe("Your profile points to this practice.");
    expect(result[0]?.exercise.practice).toBe("friends-family");
    expect(result.at(-1)?.exercise.practice).toBe("support-passions");
  });

  it("holds back joint exercises and never suggests them while a safety concern is up", () => {
    const result = suggestExercises({ suggestedPractices: ["speak-up"], holdsBackJointExercises: true, reasons: {} });
    for (const entry of result) {
      expect(entry.isHeldBack).toBe(entry.exercise.isJoint);
      if (entry.exercise.isJoint) expect(entry.isSuggested).toBe(false);
    }
    expect(result.some((entry) => entry.isSuggested)).toBe(true);
  });

  it("moves past exercises already done, but keeps suggesting when all are done", () => {
    const completedIds = new Set(["speak-up-notice-the-swallowed-words"]);
    const next = suggestExercises({ suggestedPractices: ["speak-up"], holdsBackJointExercises: false, reasons: {} }, { completedIds });
    expect(next.filter((entry) => entry.isSuggested).map((entry) => entry.exercise.id)).toEqual(["speak-up-draft-it-first", "speak-up-small-ask"]);
    const all = new Set(PRACTICE_EXERCISES.map((exercise) => exercise.id));
    const again = suggestExercises({ suggestedPractices: ["speak-up"], holdsBackJointExercises: true, reasons: {} }, { completedIds: all });
    expect(again.filter((entry) => entry.isSuggested).map((entry) => entry.exercise.id)).toEqual([
      "speak-up-notice-the-swallowed-words",
      "speak-up-draft-it-first",
    ]);
  });
});
