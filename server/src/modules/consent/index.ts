export { consentRoutes } from "./consent.routes.js";
export { getConsent, hasConsented, requireConsent } from "./consent.service.js";
export type { ConsentRecord } from "./consent.policy.js";
