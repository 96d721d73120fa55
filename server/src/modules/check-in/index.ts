export { checkInRoutes } from "./check-in.routes.js";
export {
  listCheckInNotesOf,
  type CheckInNote,
  listCheckInTrendsOf,
  listLatestCheckInsOfPeople,
  type LatestCheckIn,
  listCheckInsForExport,
  rebuildLatestDeclines,
  storeCheckInForWeek,
  type CheckInTrends,
  type ExportedCheckIn,
  hasCheckInOfWeek,
} from "./check-in.service.js";
export { canonicalTimeZone } from "./check-in.policy.js";
