// Counsellors' requests of their clients, with expiry and one reminder (issue 17, decision 047).
export { clientRequestsRoutes } from "./client-requests.routes.js";
export { listRequestsForExport, requestOutboxHandlers, requestNoticeKind, requestReminderKind } from "./client-requests.service.js";
