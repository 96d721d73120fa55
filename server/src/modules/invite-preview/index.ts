// Who invites, for an invite link opened before signing in (decision 058).
export { invitePreviewRoutes } from "./invite-preview.routes.js";
