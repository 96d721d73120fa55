// Public surface of the interdependence model: pure functions and data, no I/O.
export * from "./model-thresholds.js";
export * from "./provisional-norms.js";
export * from "./score-precision.js";
export * from "./instrument/index.js";
export * from "./ordering/index.js";
export * from "./scoring/index.js";
export * from "./flags/index.js";
export * from "./couple/index.js";
export * from "./change/index.js";
export * from "./trends/index.js";
export * from "./psychometrics/index.js";
export * from "./fhir/index.js";
export * from "./reminders/index.js";
