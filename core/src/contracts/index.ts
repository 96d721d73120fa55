export * from "./account-rules.js";
export * from "./auth.js";
export * from "./errors.js";
export * from "./health.js";
export * from "./me.js";
