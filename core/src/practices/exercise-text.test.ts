import { describe, expect, it } from "vitest";
import { checkCatalogues } from "../localization/localized-text.js";
import { exerciseText, localizeExercise, practiceReasonText } from "./exercise-text.js";
import { PRACTICE_EXERCISES, findPracticeExercise } from "./practice-exercises.js";

describe("the exercises in four languages", () => {
  it("has every exercise's title, summary, each step and the reflection in Chinese, Malay and Tamil", () => {
    expect(checkCatalogues(exerciseText)).toEqual([]);
  });

  it("has every reason a practice is suggested in Chinese, Malay and Tamil", () => {
    expect(checkCatalogues(practiceReasonText)).toEqual([]);
  });

  it("gives an exercise in Tamil with its own words, step by step, and keeps everything else", () => {
    const exercise = findPracticeExercise("friends-family-draw-your-circle");
    if (!exercise) throw new Error("missing exercise");
    const tamil = localizeExercise(exercise, "ta");
    expect(tamil.title).toBe("உங்கள் வட்டத்தை வரையுங்கள்");
    expect(tamil.steps).toHaveLength(exercise.steps.length);
    expect(tamil.steps[0]).toBe("ஒரு தாளின் நடுவில் உங்கள் பெயரை எழுதுங்கள்.");
    expect({ ...tamil, title: "", summary: "", steps: [], reflectionPrompt: "" }).toEqual({
      ...exercise,
      title: "",
      summary: "",
      steps: [],
      reflectionPrompt: "",
    });
    expect(localizeExercise(exercise, "en")).toBe(exercise);
  });

  it("never leaves a translated exercise with an English word of its own", () => {
    for (const language of ["zh-Hans", "ms", "ta"] as const) {
      for (const exercise of PRACTICE_EXERCISES) {
        const localized = localizeExercise(exercise, language);
        expect(localized.title).not.toBe(exercise.title);
        localized.steps.forEach((step, index) => expect(step).not.toBe(exercise.steps[index]));
      }
    }
  });
});
