export * from "./score-types.js";
export * from "./explain-influence.js";
export * from "./score-dimension.js";
export * from "./score-profile.js";
export * from "./score-summary.js";
export * from "./score-text.js";
