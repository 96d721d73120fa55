// The auth module's public surface. Nothing outside this folder imports better-auth.
export { createAuth, type Auth } from "./auth.js";
export { authRoutes } from "./auth.routes.js";
export { createActorResolver } from "./actor-resolver.js";
export { checkNewPassword } from "./password-policy.js";
export { signInThrottleRules } from "./sign-in-throttle.js";
export { unfinishedSignUpKeepMs } from "./sign-up-link.js";
