// The minimal build leaves out the adapters and providers we do not use (about 14 MB of
// resident memory); the Kysely adapter is passed in explicitly.
import { betterAuth } from "better-auth/minimal";
import { kyselyAdapter } from "@better-auth/kysely-adapter";
import { APIError, createAuthMiddleware, isAPIError } from "better-auth/api";
import { passwordRules } from "@mutual/core";
import type { FastifyBaseLogger } from "fastify";
import type { Database } from "../db/database.js";
import { resolvedClientIpHeader } from "../http/client-ip.js";
import type { Clock } from "../platform/clock.js";
import { scrubText } from "../platform/logger.js";
import type { Mailer } from "../platform/mailer.js";
import { checkNewPassword } from "./password-policy.js";
import { sessionRules } from "./session-policy.js";
import { createSignInThrottle } from "./sign-in-throttle.js";

export type AuthDeps = {
  database: Database;
  publicUrl: string;
  secret: string;
  mailer: Mailer;
  logger: FastifyBaseLogger;
  clock: Clock;
  /**
   * Runs before an account is deleted, while its rows still exist (the cascade removes them
   * after): the app passes what other modules must do first, e.g. end the person's couple.
   */
  beforeDeleteUser?: (userId: string) => Promise<void>;
};

// Which request field carries a new password on each endpoint that sets one.
const newPasswordField: Record<string, "password" | "newPassword"> = {
  "/sign-up/email": "password",
  "/change-password": "newPassword",
  "/reset-password": "newPassword",
};

/** Better Auth, configured for Mutual. The only place that knows Better Auth's options. */
export function createAuth({ database, publicUrl, secret, mailer, logger, clock, beforeDeleteUser }: AuthDeps) {
  const throttle = createSignInThrottle(database.db, secret, clock);
  const clientIpOf = (headers: Headers | undefined) => headers?.get(resolvedClientIpHeader) ?? "unknown";

  return betterAuth({
    appName: "Mutual",
    baseURL: publicUrl,
    basePath: "/api/auth",
    secret,
    trustedOrigins: [new URL(publicUrl).origin],
    database: kyselyAdapter(database.db, { type: database.dialect }),
    telemetry: { enabled: false },
    emailAndPassword: {
      enabled: true,
      minPasswordLength: passwordRules.minLength,
      maxPasswordLength: passwordRules.maxLength,
      autoSignIn: true,
      requireEmailVerification: false,
      revokeSessionsOnPasswordReset: true,
    },
    emailVerification: {
      sendOnSignUp: true,
      autoSignInAfterVerification: true,
      async sendVerificationEmail({ user, url }) {
        await mailer.send({
          to: user.email,
          subject: "Confirm your email address for Mutual",
          text: [
            "Hello,",
            "",
            "Please confirm that this is your email address by opening this link:",
            url,
            "",
            "If you did not create a Mutual account, you can ignore this message.",
          ].join("\n"),
        });
      },
    },
    user: {
      deleteUser: {
        enabled: true,
        ...(beforeDeleteUser ? { beforeDelete: async (user: { id: string }) => beforeDeleteUser(user.id) } : {}),
      },
    },
    session: { expiresIn: sessionRules.expiresInSeconds, updateAge: sessionRules.updateAgeSeconds },
    rateLimit: {
      enabled: true,
      // Stored in the database so the limit holds across several app instances.
      storage: "database",
      window: 60,
      max: 100,
      customRules: {
        "/sign-in/email": { window: 60, max: 10 },
        "/sign-up/email": { window: 60, max: 5 },
        "/change-password": { window: 60, max: 5 },
        "/delete-user": { window: 60, max: 5 },
      },
    },
    advanced: {
      ipAddress: { ipAddressHeaders: [resolvedClientIpHeader] },
      useSecureCookies: publicUrl.startsWith("https://"),
      // Better Auth skips these checks when it detects a test runner; we never do, so
      // the tests exercise the same CSRF defence as production.
      disableOriginCheck: false,
      disableCSRFCheck: false,
      defaultCookieAttributes: { httpOnly: true, sameSite: "lax" },
    },
    logger: {
      level: "warn",
      log(level, message) {
        const text = scrubText(message);
        if (level === "error") logger.error({ source: "better-auth" }, text);
        else if (level === "warn") logger.warn({ source: "better-auth" }, text);
        else logger.debug({ source: "better-auth" }, text);
      },
    },
    hooks: {
      before: createAuthMiddleware(async (ctx) => {
        const field = newPasswordField[ctx.path];
        if (field) {
          const password: unknown = ctx.body?.[field];
          if (typeof password === "string") {
            const verdict = await checkNewPassword(password);
            if (!verdict.ok) throw new APIError("BAD_REQUEST", { message: verdict.message, code: verdict.code });
          }
        }
        if (ctx.path === "/sign-in/email" && typeof ctx.body?.email === "string") {
          const wait = await throttle.secondsUntilAllowed(ctx.body.email, clientIpOf(ctx.headers));
          if (wait > 0) {
            throw new APIError("TOO_MANY_REQUESTS", {
              message: `Too many attempts for this account from your connection. Try again in ${Math.ceil(wait / 60)} minutes.`,
              code: "SIGN_IN_THROTTLED",
            });
          }
        }
        if (ctx.path === "/change-password") {
          // Changing the password always ends every other session.
          return { context: { body: { ...ctx.body, revokeOtherSessions: true } } };
        }
        return undefined;
      }),
      after: createAuthMiddleware(async (ctx) => {
        if (ctx.path !== "/sign-in/email" || typeof ctx.body?.email !== "string") return;
        const returned = ctx.context.returned;
        const clientIp = clientIpOf(ctx.headers);
        if (isAPIError(returned)) {
          if (returned.statusCode === 401) await throttle.recordFailure(ctx.body.email, clientIp);
        } else {
          await throttle.recordSuccess(ctx.body.email, clientIp);
        }
      }),
    },
  });
}

export type Auth = ReturnType<typeof createAuth>;
