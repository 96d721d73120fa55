// The minimal build leaves out the adapters and providers we do not use (about 14 MB of
// resident memory); the Kysely adapter is passed in explicitly.
import { betterAuth } from "better-auth/minimal";
import { kyselyAdapter } from "@better-auth/kysely-adapter";
import { APIError, createAuthMiddleware, isAPIError } from "better-auth/api";
import { deleteSessionCookie } from "better-auth/cookies";
import { organization } from "better-auth/plugins/organization";
import { createAccessControl } from "better-auth/plugins/access";
import { defaultStatements } from "better-auth/plugins/organization/access";
import { twoFactor } from "better-auth/plugins/two-factor";
import { hashPassword, verifyPassword } from "better-auth/crypto";
import { randomUUID } from "node:crypto";
import { passwordRules } from "@mutual/core";
import type { FastifyBaseLogger } from "fastify";
import type { Database } from "../db/database.js";
import { resolvedClientIpHeader } from "../http/client-ip.js";
import type { Clock } from "../platform/clock.js";
import { scrubText } from "../platform/logger.js";
import type { Mailer } from "../platform/mailer.js";
import { checkNewPassword } from "./password-policy.js";
import { holdsNulCharacter, personFieldsProblem } from "./request-fields.js";
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
  /**
   * Runs after a person stops being a member of a practice (removed by an owner or admin, or
   * leaving): the app passes what other modules must end with it, e.g. their client relations.
   */
  afterLeavingPractice?: (practiceId: string, userId: string) => Promise<void>;
  /** Runs after a person's own row changed (their name): the app passes what derived rows must follow. */
  afterUserUpdate?: (userId: string) => Promise<void>;
};

/**
 * How many password hashes and verifications (each a deliberately slow scrypt) the server
 * has run: the work that sets a request's duration. A wrong password and an unknown email
 * must cost the same, so that timing cannot tell whether an account exists (decision 020).
 */
export const passwordWork = { hashes: 0, verifications: 0 };

/** The endpoints that check a second-step code; none may trust the device (decision 014). */
const secondStepPaths: ReadonlySet<string> = new Set(["/two-factor/verify-totp", "/two-factor/verify-backup-code", "/two-factor/verify-otp"]);

// Which request field carries a new password on each endpoint that sets one.
const newPasswordField: Record<string, "password" | "newPassword"> = {
  "/sign-up/email": "password",
  "/change-password": "newPassword",
  "/reset-password": "newPassword",
};

/** The roles a person may hold in a practice (decision 014). Owner is the creator's. */
export const practiceRoles = ["owner", "admin", "counsellor"] as const;
/** The roles an owner or admin may give by invitation or by changing a member's role. */
const assignableRoles: ReadonlySet<string> = new Set(["admin", "counsellor"]);
const practiceNameMaxLength = 100;
/** An invitation to a practice lasts seven days, like a partner invite. */
const invitationSeconds = 7 * 24 * 60 * 60;
/** A password reset link works for an hour. */
const resetLinkSeconds = 60 * 60;

/**
 * The organization endpoints the web uses. Every other one (listing members with their
 * emails, the full organization, updating or deleting it, …) answers 404: reads go through
 * our own /api/practices routes, which decide what each role sees.
 */
const allowedOrganizationPaths: ReadonlySet<string> = new Set([
  "/organization/create",
  "/organization/invite-member",
  "/organization/get-invitation",
  "/organization/accept-invitation",
  "/organization/reject-invitation",
  "/organization/cancel-invitation",
  "/organization/update-member-role",
  "/organization/remove-member",
  "/organization/leave",
]);

// What each role may do through Better Auth's organization endpoints (decision 014).
const practiceAccess = createAccessControl({
  organization: defaultStatements.organization,
  member: defaultStatements.member,
  invitation: defaultStatements.invitation,
});
const practiceRoleAccess = {
  owner: practiceAccess.newRole({ organization: ["update", "delete"], member: ["create", "update", "delete"], invitation: ["create", "cancel"] }),
  admin: practiceAccess.newRole({ organization: ["update"], member: ["create", "update", "delete"], invitation: ["create", "cancel"] }),
  counsellor: practiceAccess.newRole({ organization: [], member: [], invitation: [] }),
};

export type PluginDeps = Pick<AuthDeps, "publicUrl" | "mailer">;

/**
 * Better Auth's plugins as Mutual uses them: practices (organizations) with owner, admin
 * and counsellor roles, and two-factor sign-in (TOTP with backup codes). Exported so the
 * schema test checks our migrations against exactly these options.
 */
/** Build them into Better Auth as a literal tuple, so their endpoint and field types carry through. */
export function createAuthPlugins({ publicUrl, mailer }: PluginDeps) {
  const refuseRole = () =>
    new APIError("BAD_REQUEST", { message: "A colleague can be an admin or a counsellor.", code: "ROLE_NOT_ALLOWED" });
  return {
    practices: organization({
      // Admins manage members and invitations; counsellors manage nothing in the practice.
      ac: practiceAccess,
      roles: practiceRoleAccess,
      creatorRole: "owner",
      teams: { enabled: false },
      invitationExpiresIn: invitationSeconds,
      cancelPendingInvitationsOnReInvite: true,
      organizationHooks: {
        beforeCreateInvitation: async ({ invitation }) => {
          if (!assignableRoles.has(invitation.role)) throw refuseRole();
        },
        beforeUpdateMemberRole: async ({ newRole }) => {
          if (!assignableRoles.has(newRole)) throw refuseRole();
        },
      },
      // The email names the practice and the role, nothing about anyone's clients.
      async sendInvitationEmail({ id, email, role, organization: practice }) {
        const url = new URL(`/practice/join/${encodeURIComponent(id)}`, publicUrl).toString();
        await mailer.send({
          to: email,
          subject: "You are invited to join a practice on Mutual",
          text: [
            "Hello,",
            "",
            `You are invited to join the practice "${practice.name}" on Mutual as ${role === "admin" ? "an admin" : "a counsellor"}.`,
            "To accept, sign in or create an account with this email address, then open this link:",
            url,
            "",
            "The invitation lasts seven days. If you did not expect it, you can ignore this message.",
          ].join("\n"),
        });
      },
    }),
    twoFactor: twoFactor({
      issuer: "Mutual",
      totpOptions: { digits: 6, period: 30 },
      backupCodeOptions: { amount: 10, length: 10, storeBackupCodes: "encrypted" },
    }),
  };
}

/** Checks what Better Auth's organization endpoints would otherwise accept too freely. */
function organizationRequestCheck(path: string, body: Record<string, unknown> | undefined) {
  if (!path.startsWith("/organization/")) return undefined;
  if (!allowedOrganizationPaths.has(path)) throw new APIError("NOT_FOUND", { message: "Not found.", code: "NOT_FOUND" });
  if (path === "/organization/create") {
    // Only a name is taken from the browser: a creator id, logo or metadata cannot be
    // slipped in (Better Auth merges a hook's body into the request's, so we refuse instead).
    const extra = Object.keys(body ?? {}).filter((key) => key !== "name" && key !== "slug");
    if (extra.length > 0) throw new APIError("BAD_REQUEST", { message: "Only a name can be given.", code: "PRACTICE_FIELDS_REFUSED" });
    const name = typeof body?.name === "string" ? body.name.trim() : "";
    if (name.length === 0 || name.length > practiceNameMaxLength) {
      throw new APIError("BAD_REQUEST", { message: "Give the practice a name of up to 100 characters.", code: "PRACTICE_NAME_INVALID" });
    }
    // The slug is ours: unused, but Better Auth needs one, unique.
    return { name, slug: randomUUID() };
  }
  // An email here would let anyone in a practice learn who has an account there (Better Auth
  // answers "member not found" before it checks the permission): members are named by id only.
  if (path === "/organization/remove-member" && typeof body?.memberIdOrEmail === "string" && body.memberIdOrEmail.includes("@")) {
    throw new APIError("BAD_REQUEST", { message: "Name the member by their id.", code: "MEMBER_ID_REQUIRED" });
  }
  if ((path === "/organization/invite-member" || path === "/organization/update-member-role") && typeof body?.role !== "string") {
    throw new APIError("BAD_REQUEST", { message: "A colleague can be an admin or a counsellor.", code: "ROLE_NOT_ALLOWED" });
  }
  return undefined;
}

/** Better Auth, configured for Mutual. The only place that knows Better Auth's options. */
export function createAuth({ database, publicUrl, secret, mailer, logger, clock, beforeDeleteUser, afterLeavingPractice, afterUserUpdate }: AuthDeps) {
  const throttle = createSignInThrottle(database.db, secret, clock);
  const clientIpOf = (headers: Headers | undefined) => headers?.get(resolvedClientIpHeader) ?? "unknown";
  const plugins = createAuthPlugins({ publicUrl, mailer });

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
      resetPasswordTokenExpiresIn: resetLinkSeconds,
      // Not awaited: there is no email for an unknown address, so waiting on the mail
      // transport would make an existing account's answer measurably slower (decision 020).
      sendResetPassword: async ({ user, token }) => {
        // The token rides in the fragment, which browsers never send: it stays out of every
        // server's and proxy's access log (as partner invite codes do, decision 012).
        const url = `${new URL("/reset-password", publicUrl).toString()}#${encodeURIComponent(token)}`;
        mailer
          .send({
            to: user.email,
            subject: "Reset your Mutual password",
            text: [
              "Hello,",
              "",
              "Someone asked to reset the password of the Mutual account with this email address. To choose a new password, open this link:",
              url,
              "",
              "The link works once, within an hour. Choosing a new password signs you out everywhere.",
              "If you did not ask for this, you can ignore this message: your password stays as it is.",
            ].join("\n"),
          })
          // A transport's error can quote the recipient: only its scrubbed text is logged.
          .catch((error: unknown) => logger.error({ source: "mailer" }, `The password reset email could not be sent: ${scrubText(String(error))}`));
      },
      password: {
        hash: async (password) => {
          passwordWork.hashes += 1;
          return hashPassword(password);
        },
        verify: async (data) => {
          passwordWork.verifications += 1;
          return verifyPassword(data);
        },
      },
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
    ...(afterUserUpdate ? { databaseHooks: { user: { update: { after: async (user: { id: string }) => afterUserUpdate(user.id) } } } } : {}),
    plugins: [plugins.practices, plugins.twoFactor],
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
        // Each request may email an account holder: few, so no one can flood a mailbox.
        "/request-password-reset": { window: 60, max: 3 },
        "/reset-password": { window: 60, max: 10 },
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
        if (holdsNulCharacter(ctx.body) || holdsNulCharacter(ctx.query)) {
          throw new APIError("BAD_REQUEST", { message: "Text with a NUL character is not accepted.", code: "NUL_CHARACTER" });
        }
        const fieldsProblem = personFieldsProblem(ctx.path, ctx.body as Record<string, unknown> | undefined);
        if (fieldsProblem) throw new APIError("BAD_REQUEST", { message: fieldsProblem, code: "PERSON_FIELDS_INVALID" });
        if (secondStepPaths.has(ctx.path) && ctx.body?.trustDevice === true) {
          throw new APIError("BAD_REQUEST", { message: "Trusting a device is not offered: a code is asked at every sign-in.", code: "TRUST_DEVICE_NOT_OFFERED" });
        }
        const practiceBody = organizationRequestCheck(ctx.path, ctx.body as Record<string, unknown> | undefined);
        if (practiceBody) return { context: { body: practiceBody } };
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
        const returned = ctx.context.returned;
        // The confirmation link answers with a redirect, which Better Auth throws as an APIError (302).
        if (ctx.path === "/verify-email" && !(isAPIError(returned) && returned.statusCode >= 400)) {
          await withholdSessionFromTwoFactorUser(ctx);
          return;
        }
        if (ctx.path === "/two-factor/verify-totp" && !isAPIError(returned)) {
          await endOtherSessionsOnceTwoFactorIsOn(ctx);
          return;
        }
        if ((ctx.path === "/organization/remove-member" || ctx.path === "/organization/leave") && afterLeavingPractice && !isAPIError(returned)) {
          const body = returned as { member?: { organizationId?: unknown; userId?: unknown }; organizationId?: unknown; userId?: unknown } | undefined;
          const member = body?.member ?? body;
          if (typeof member?.organizationId === "string" && typeof member.userId === "string") await afterLeavingPractice(member.organizationId, member.userId);
          return;
        }
        if (ctx.path !== "/sign-in/email" || typeof ctx.body?.email !== "string") return;
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

type AfterHookContext = Parameters<Parameters<typeof createAuthMiddleware>[0]>[0];

/**
 * The emailed confirmation link proves only access to the mailbox: for someone with two-step
 * sign-in it must not sign them in (it would skip the password and the code). The address is
 * confirmed; a session Better Auth just created for the link is deleted with its cookie. A
 * browser already signed in as the person keeps its own session.
 */
async function withholdSessionFromTwoFactorUser(ctx: AfterHookContext): Promise<void> {
  const created = ctx.context.newSession;
  if (!created) return;
  const current = await getRequestSessionToken(ctx);
  if (current === created.session.token) return;
  const user = await ctx.context.internalAdapter.findUserById(created.user.id);
  if (!user || !(user as { twoFactorEnabled?: unknown }).twoFactorEnabled) return;
  deleteSessionCookie(ctx, true);
  await ctx.context.internalAdapter.deleteSession(created.session.token);
  ctx.context.setNewSession(null);
  // The link would land them on a page that needs a session: send them to sign in instead,
  // told that the address is confirmed, and on to that page afterwards.
  const returned = ctx.context.returned;
  if (isAPIError(returned) && returned.statusCode === 302) {
    const callback = typeof ctx.query?.callbackURL === "string" ? ctx.query.callbackURL : "/";
    const next = callback.startsWith("/") && !callback.startsWith("//") ? callback : "/";
    throw ctx.redirect(`/sign-in?${new URLSearchParams({ emailConfirmed: "1", next }).toString()}`);
  }
}

/** The session token the request's own (signed) cookie names, if any. */
async function getRequestSessionToken(ctx: AfterHookContext): Promise<string | null> {
  const signed = await ctx.getSignedCookie(ctx.context.authCookies.sessionToken.name, ctx.context.secret);
  return typeof signed === "string" && signed !== "" ? signed : null;
}

/**
 * Confirming the first code turns two-step sign-in on: Better Auth replaces the confirming
 * session, and we end every other one, since each began with the password alone. A code
 * checked at sign-in (no session in the request) or by someone already enrolled changes nothing.
 */
async function endOtherSessionsOnceTwoFactorIsOn(ctx: AfterHookContext): Promise<void> {
  const created = ctx.context.newSession;
  const before = ctx.context.session;
  if (!created || !before || before.session.token === created.session.token) return;
  const sessions = await ctx.context.internalAdapter.listSessions(created.user.id);
  const others = sessions.map((session) => session.token).filter((token) => token !== created.session.token);
  if (others.length > 0) await ctx.context.internalAdapter.deleteSessions(others);
}

export type Auth = ReturnType<typeof createAuth>;
