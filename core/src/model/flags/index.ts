export * from "./flag-types.js";
export * from "./create-flag.js";
export * from "./derive-flags.js";
export * from "./flag-text.js";
