export { coupleRoutes } from "./couple.routes.js";
export { endCoupleBeforeAccountDeletion, findCurrentPartnerId, getSharingForExport, type SharingForExport } from "./couple.service.js";
