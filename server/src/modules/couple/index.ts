export { coupleRoutes } from "./couple.routes.js";
export { createInviteCodeHasher, type InviteCodeHasher } from "./invite-code-hash.js";
export { endCoupleBeforeAccountDeletion, findCurrentPartnerId, getSharingForExport, type SharingForExport } from "./couple.service.js";
