export { preferencesRoutes } from "./preferences.routes.js";
export { getPreferencesForExport } from "./preferences.service.js";
