import { isConfirmedSecondSignIn } from "./confirmation.js";

// Better Auth's rate limits, per client address and path, stored in the database so they hold
// across several servers (decision 021). The per-account throttle of passwords is sign-in-throttle.ts.

/** Better Auth's `rateLimit` option. */
export const authRateLimit = {
  enabled: true,
  storage: "database" as const,
  window: 60,
  max: 100,
  customRules: {
    // Confirming a sign-up signs in twice in-process (decision 020): the second, after the
    // password was found right, is part of the same attempt and is not counted again.
    "/sign-in/email": async () => (isConfirmedSecondSignIn() ? false : { window: 60, max: 10 }),
    "/sign-up/email": { window: 60, max: 5 },
    "/change-password": { window: 60, max: 5 },
    "/delete-user": { window: 60, max: 5 },
    // Each request may email an account holder: few, so no one can flood a mailbox.
    "/request-password-reset": { window: 60, max: 3 },
    "/reset-password": { window: 60, max: 10 },
    // Each may email a new sign-up link: as few as password reset requests.
    "/send-verification-email": { window: 60, max: 3 },
    "/verify-email": { window: 60, max: 10 },
  },
};
