export { checkInRoutes } from "./check-in.routes.js";
export { listCheckInTrendsOf, listLatestCheckInsOfPeople, type LatestCheckIn, listCheckInsForExport, storeCheckInForWeek, type CheckInTrends, type ExportedCheckIn } from "./check-in.service.js";
