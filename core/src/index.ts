// Public surface of @mutual/core: the interdependence model and the API contracts.
// Pure TypeScript; imports nothing but zod (enforced by lint).
export * from "./contracts/index.js";
export * from "./model/index.js";
export * from "./practices/index.js";
export * from "./sharing/index.js";
export * from "./localization/index.js";
