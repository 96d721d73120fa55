// Counsellors' requests of their clients, with expiry and one reminder (issue 17, decision 047).
export { clientRequestsRoutes } from "./client-requests.routes.js";
export {
  listRequestsForExport,
  requestNoticeKind,
  requestNoticePushKind,
  requestOutboxHandlers,
  requestPushNotice,
  requestReminderKind,
  requestReminderPushKind,
} from "./client-requests.service.js";
