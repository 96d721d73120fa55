export { coupleRoutes } from "./couple.routes.js";
export { endCoupleBeforeAccountDeletion, findCurrentPartnerId, getSharingForExport, previewPartnerInvite, type SharingForExport } from "./couple.service.js";
