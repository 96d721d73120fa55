export * from "./flag-types.js";
export * from "./derive-flags.js";
