export * from "./language-tags.js";
export * from "./localized-text.js";
