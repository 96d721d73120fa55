export * from "./co-moments.js";
export * from "./reliability-stats.js";
export * from "./profile-psychometrics.js";
export * from "./packed-answers.js";
export * from "./differential-item-functioning.js";
export * from "./norms-by-language.js";
export * from "./psychometrics-by-language.js";
