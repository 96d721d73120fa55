export * from "./shared-scores.js";
export * from "./compare-couple.js";
