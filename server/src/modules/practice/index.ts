// The practice module's public surface. Later phases gate client data with
// requirePracticeRole (membership and role) and requireTwoFactor (two-step sign-in on).
export { practiceRoutes } from "./practice.routes.js";
export { handOverPracticesBeforeAccountDeletion, previewColleagueInvitation, requirePracticeRole, type PracticeDeps } from "./practice.service.js";
export { requireTwoFactor, managesMembers, TWO_FACTOR_REQUIRED_MESSAGE, type Membership } from "./practice.policy.js";
