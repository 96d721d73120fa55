// The minimal build leaves out the adapters and providers we do not use (about 14 MB of
// resident memory); the Kysely adapter is passed in explicitly.
import { betterAuth } from "better-auth/minimal";
import { kyselyAdapter } from "@better-auth/kysely-adapter";
import { isAPIError } from "better-auth/api";
import { createHmac } from "node:crypto";
import { passwordRules } from "@mutual/core";
import type { FastifyBaseLogger } from "fastify";
import type { Database } from "../db/database.js";
import { resolvedClientIpHeader } from "../http/client-ip.js";
import type { Clock } from "../platform/clock.js";
import { scrubText } from "../platform/logger.js";
import type { Mailer } from "../platform/mailer.js";
import { createAccountEmails } from "./account-emails.js";
import { clientIpOf, createAuthHooks } from "./auth-hooks.js";
import { hashPasswordCounted, verifyPasswordOnce } from "./confirmation.js";
import { createPasswordChecks } from "./password-checks.js";
import { setPasswordHashesAtOnce } from "./password-queue.js";
import { createAuthPlugins } from "./practice-plugins.js";
import { authRateLimit } from "./rate-limit-rules.js";
import { authCookiePrefix, sessionCookieName } from "./session-cookie.js";
import { sessionEndsAt, type SessionLimits } from "./session-policy.js";
import { isPracticeMember } from "./session.repository.js";
import { createSignInThrottle } from "./sign-in-throttle.js";
import { confirmLinkSeconds } from "./sign-up-link.js";
import { markEmailVerified } from "./user.repository.js";

// Better Auth, configured for Mutual: the only place that knows Better Auth's options. What each
// option does for Mutual lives beside it: the emails (account-emails.ts), the checks around each
// endpoint (auth-hooks.ts), the rate limits (rate-limit-rules.ts), practices and two-step sign-in
// (practice-plugins.ts), the confirmation by link (confirmation.ts, answers.ts).

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
  /** Runs once an account and its rows are deleted: e.g. make the deletion hold on disk (decision 030). */
  afterDeleteUser?: () => Promise<void>;
  /**
   * Runs after a person stops being a member of a practice (removed by an owner or admin, or
   * leaving): the app passes what other modules must end with it, e.g. their client relations.
   */
  afterLeavingPractice?: (practiceId: string, userId: string) => Promise<void>;
  /** When sessions end (decision 032). */
  sessionLimits: SessionLimits;
  /** Password hashes and checks run at once, process-wide (decision 041); the default is the queue's own. */
  passwordHashesAtOnce?: number;
  /** Runs after a person's own row changed (their name): the app passes what derived rows must follow. */
  afterUserUpdate?: (userId: string) => Promise<void>;
};

/** A password reset link works for an hour. */
const resetLinkSeconds = 60 * 60;

/** Better Auth, configured for Mutual. */
export function createAuth(deps: AuthDeps) {
  const { database, publicUrl, secret, mailer, logger, clock, sessionLimits } = deps;
  const isHttps = publicUrl.startsWith("https://");
  if (deps.passwordHashesAtOnce !== undefined) setPasswordHashesAtOnce(deps.passwordHashesAtOnce);
  const throttle = createSignInThrottle(database.db, secret, clock);
  // Bound once Better Auth is built below: its own check of a two-step code, for deleting an account.
  let isCurrentCode: (code: string, headers: Headers) => Promise<boolean> = async () => false;
  const passwordChecks = createPasswordChecks({
    database,
    secret,
    sessionCookieName: sessionCookieName(isHttps),
    throttle,
    clientIpOf,
    isCurrentCode: (code, headers) => isCurrentCode(code, headers),
  });
  const emails = createAccountEmails({ database, mailer, logger, publicUrl, clock });
  const plugins = createAuthPlugins({ publicUrl, mailer, secret });

  const auth = betterAuth({
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
      // Sign-up finishes by the emailed link, for a new address and a taken one alike: the
      // answer is the same, with no session either way (decision 020). Better Auth then hashes
      // the password for a taken address too, and tells its owner instead of creating anything.
      autoSignIn: false,
      requireEmailVerification: true,
      revokeSessionsOnPasswordReset: true,
      resetPasswordTokenExpiresIn: resetLinkSeconds,
      sendResetPassword: emails.sendResetPassword,
      // The new password came through the emailed link, so the address is proven: an account
      // whose sign-up was never finished (perhaps started by someone else) is now its owner's.
      onPasswordReset: async ({ user }) => {
        if (!user.emailVerified) await markEmailVerified(database.db, database.dialect, user.id);
      },
      onExistingUserSignUp: emails.emailExistingAccount,
      password: { hash: hashPasswordCounted, verify: verifyPasswordOnce },
    },
    emailVerification: {
      sendOnSignUp: true,
      // The right password for an account whose sign-up was never finished answers like a wrong
      // one (auth.routes.ts), and emails the address a fresh link instead.
      sendOnSignIn: true,
      // The link alone signs nobody in and confirms nothing: POST /api/auth/confirm-email takes
      // the link's token with the account's password, and only then confirms and signs in. An
      // unfinished sign-up may be someone else's with your address, its password theirs
      // (decision 020).
      autoSignInAfterVerification: false,
      expiresIn: confirmLinkSeconds,
      sendVerificationEmail: emails.sendVerificationEmail,
    },
    // Every one-time value (a reset link's token, a two-step sign-in's step) is stored as a keyed
    // hash of its identifier, like invite codes (decision 012): a copy of the database cannot be
    // used to reset anyone's password within the link's hour (decision 030).
    verification: { storeIdentifier: { hash: async (identifier) => createHmac("sha256", secret).update(`verification:${identifier}`).digest("base64url") } },
    user: { deleteUser: deleteUserOptions(deps) },
    databaseHooks: databaseHooksFor(deps),
    plugins: [plugins.practices, plugins.twoFactor],
    // The lifetime is the cookie's age; Better Auth never extends a session itself (the idle
    // timeout, which it has no notion of, moves the end instead: actor-resolver.ts).
    session: { expiresIn: Math.floor(sessionLimits.lifetimeMs / 1000), disableSessionRefresh: true },
    rateLimit: authRateLimit,
    advanced: advancedOptions(isHttps),
    logger: loggerOptions(logger),
    hooks: createAuthHooks({ throttle, passwordChecks, afterLeavingPractice: deps.afterLeavingPractice }),
  });
  isCurrentCode = async (code, headers) => {
    try {
      await auth.api.verifyTOTP({ body: { code }, headers });
      return true;
    } catch (error) {
      if (isAPIError(error)) return false;
      throw error;
    }
  };
  return auth;
}

function deleteUserOptions({ beforeDeleteUser, afterDeleteUser }: AuthDeps) {
  return {
    enabled: true,
    ...(beforeDeleteUser ? { beforeDelete: async (user: { id: string }) => beforeDeleteUser(user.id) } : {}),
    ...(afterDeleteUser ? { afterDelete: async () => afterDeleteUser() } : {}),
  };
}

function databaseHooksFor({ database, sessionLimits, afterUserUpdate }: AuthDeps) {
  return {
    ...(afterUserUpdate ? { user: { update: { after: async (user: { id: string }) => afterUserUpdate(user.id) } } } : {}),
    // A new session ends after the idle time (shorter for a practice member) unless used; the
    // actor resolver moves that end with each use, never past the lifetime (decision 032).
    session: {
      create: {
        before: async (session: { userId: string } & Record<string, unknown>) => {
          // Counted from the session's own start, so its end is exactly one limit after it (a
          // second clock reading could land a millisecond later).
          const createdAt = session.createdAt instanceof Date ? session.createdAt.getTime() : Date.now();
          const endsAt = sessionEndsAt({ createdAtMs: createdAt, lastUseMs: createdAt }, await isPracticeMember(database.db, session.userId), sessionLimits);
          return { data: { ...session, expiresAt: new Date(endsAt) } };
        },
      },
    },
  };
}

function advancedOptions(isHttps: boolean) {
  return {
    ipAddress: { ipAddressHeaders: [resolvedClientIpHeader] },
    // Over https every cookie is `__Host-`: Secure, for the whole site and this host alone
    // (decision 032). Better Auth's own secure prefix is `__Secure-`, which allows a Domain, so
    // the prefix and the Secure flag are set here instead.
    useSecureCookies: false,
    cookiePrefix: authCookiePrefix(isHttps),
    // Better Auth skips these checks when it detects a test runner; we never do, so
    // the tests exercise the same CSRF defence as production.
    disableOriginCheck: false,
    disableCSRFCheck: false,
    defaultCookieAttributes: { httpOnly: true, sameSite: "lax" as const, secure: isHttps, path: "/" },
  };
}

function loggerOptions(logger: FastifyBaseLogger) {
  return {
    level: "warn" as const,
    log(level: "debug" | "info" | "warn" | "error" | "success", message: string) {
      const text = scrubText(message);
      if (level === "error") logger.error({ source: "better-auth" }, text);
      else if (level === "warn") logger.warn({ source: "better-auth" }, text);
      else logger.debug({ source: "better-auth" }, text);
    },
  };
}

export type Auth = ReturnType<typeof createAuth>;
