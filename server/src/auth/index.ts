// The auth module's public surface. Nothing outside this folder imports better-auth.
export { createAuth, type Auth } from "./auth.js";
export { authRoutes, createActorResolver } from "./auth.routes.js";
export { checkNewPassword } from "./password-policy.js";
