// The counselling module's public surface: a counsellor's clients and what each person lets
// their counsellor see (decision 015).
export { counsellingRoutes } from "./counselling.routes.js";
export { practiceClientsRoutes } from "./practice-clients.routes.js";
export {
  endRelationsOnLeavingPractice,
  joinClient,
  leaveCounsellingBeforeAccountDeletion,
  listCounsellingForExport,
  previewClientInvite,
} from "./counselling.service.js";
export { alreadyClient, orderScopes } from "./counselling.policy.js";
