export { checkInRoutes } from "./check-in.routes.js";
export { listCheckInsForExport, type ExportedCheckIn } from "./check-in.service.js";
