export * from "./account-rules.js";
export * from "./auth.js";
export * from "./errors.js";
export * from "./health.js";
export * from "./me.js";
export * from "./check-in.js";
export * from "./exercises.js";
export * from "./help.js";
