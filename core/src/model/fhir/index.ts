export * from "./fhir-r4-types.js";
export * from "./fhir-constants.js";
export * from "./score-expressions.js";
export * from "./export-questionnaire.js";
export * from "./export-response.js";
export * from "./model-result.js";
export * from "./response-limits.js";
export * from "./import-response.js";
