export { checkInRoutes } from "./check-in.routes.js";
export { listCheckInsForExport, storeCheckInForWeek, type ExportedCheckIn } from "./check-in.service.js";
