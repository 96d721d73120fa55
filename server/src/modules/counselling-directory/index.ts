// The directory of practices and requests for counselling (decisions 054, 055).
export { counsellingRequestsRoutes, directoryRoutes, intakeRoutes } from "./counselling-directory.routes.js";
export { counsellingRequestOutboxHandlers, listCounsellingRequestsForExport, unassignOnLeavingPractice } from "./counselling-directory.service.js";
