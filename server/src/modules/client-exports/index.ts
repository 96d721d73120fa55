// A counsellor's exports of their own clients' consented data: FHIR R4, CSV, and the practice's
// scores as CSV (decision 017).
export { clientExportsRoutes } from "./client-exports.routes.js";
