export * from "./instrument-types.js";
export * from "./profile-v1.js";
export * from "./instrument-lookup.js";
export * from "./profile-answers.js";
export * from "./read-answer.js";
export * from "./check-in-definition.js";
export * from "./instrument-translations.js";
export * from "./answer-language.js";
