// The three practices' guided exercises, as data, and how to suggest them. Pure.
export * from "./exercise-types.js";
export * from "./practice-exercises.js";
export * from "./suggest-exercises.js";
export * from "./exercise-text.js";
