export { exportRoutes } from "./export.routes.js";
export { instrumentsUsed, nameBasedUuid, presentFhirDefinitions, type FhirCollectionBundle } from "./fhir-bundle.js";
