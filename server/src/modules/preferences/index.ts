export { preferencesRoutes } from "./preferences.routes.js";
export { getPreferencesForExport, getPreferredLanguage } from "./preferences.service.js";
