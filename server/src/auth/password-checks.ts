// Better Auth's endpoints that check the signed-in person's password (decision 033). Sign-in was
// throttled per account and address; these were not, so a session (a partner holding the other's
// unlocked phone) could guess the password freely. Every wrong password here now counts in the
// same per-account-and-address throttle as a wrong sign-in, and is refused with it: the guesser's
// address is stopped, the owner elsewhere is not. Deleting the account needs the password, and,
// with two-step sign-in on, a current code as well (Better Auth would delete a fresh session's
// account with no password at all).
import { APIError, isAPIError } from "better-auth/api";
import type { Database } from "../db/database.js";
import { readCookie, verifySignedToken } from "./session-cookie.js";
import type { SignInThrottle } from "./sign-in-throttle.js";
import { findSessionWithUser } from "./session.repository.js";

/** The endpoints that check the signed-in person's password, and which body field carries it. */
const passwordFieldOf: Readonly<Record<string, string>> = {
  "/change-password": "currentPassword",
  "/delete-user": "password",
  "/two-factor/enable": "password",
  "/two-factor/disable": "password",
};

/** A two-step code as the authenticator shows it. */
const codeShape = /^\d{6}$/;

export type PasswordCheckDeps = {
  database: Database;
  secret: string;
  sessionCookieName: string;
  throttle: SignInThrottle;
  clientIpOf: (headers: Headers | undefined) => string;
  /** Better Auth's own check of a current two-step code for the session in these headers. */
  isCurrentCode: (code: string, headers: Headers) => Promise<boolean>;
};

type HookContext = { path: string; body?: Record<string, unknown> | undefined; headers?: Headers | undefined };

/** The person signed in by these headers' session cookie, or null. */
async function sessionHolder(deps: PasswordCheckDeps, headers: Headers | undefined) {
  const cookie = readCookie(headers?.get("cookie") ?? undefined, deps.sessionCookieName);
  const token = cookie ? verifySignedToken(cookie, deps.secret) : null;
  const row = token ? await findSessionWithUser(deps.database.db, token) : undefined;
  return row ? { email: row.email, twoFactorEnabled: Boolean(row.twoFactorEnabled) } : null;
}

export function throttledAnswer(waitSeconds: number): APIError {
  return new APIError("TOO_MANY_REQUESTS", {
    message: `Too many attempts for this account from your connection. Try again in ${Math.ceil(waitSeconds / 60)} minutes.`,
    code: "SIGN_IN_THROTTLED",
  });
}

export function createPasswordChecks(deps: PasswordCheckDeps) {
  return {
    /** Before Better Auth runs one of these endpoints: the throttle, the password's presence, and deletion's code. */
    async before(ctx: HookContext): Promise<void> {
      const field = passwordFieldOf[ctx.path];
      if (!field) return;
      const holder = await sessionHolder(deps, ctx.headers);
      // No session: Better Auth answers 401 itself.
      if (!holder) return;
      const clientIp = deps.clientIpOf(ctx.headers);
      const wait = await deps.throttle.secondsUntilAllowed(holder.email, clientIp);
      if (wait > 0) throw throttledAnswer(wait);
      const password = ctx.body?.[field];
      if (typeof password !== "string" || password.length === 0) {
        throw new APIError("BAD_REQUEST", { message: "Enter your password.", code: "PASSWORD_REQUIRED" });
      }
      if (ctx.path !== "/delete-user" || !holder.twoFactorEnabled) return;
      const code = ctx.body?.code;
      if (typeof code !== "string" || !codeShape.test(code)) {
        throw new APIError("BAD_REQUEST", { message: "Enter the six-digit code from your authenticator app.", code: "TWO_FACTOR_CODE_REQUIRED" });
      }
      if (!(await deps.isCurrentCode(code, ctx.headers ?? new Headers()))) {
        await deps.throttle.recordFailure(holder.email, clientIp);
        throw new APIError("BAD_REQUEST", { message: "That code is not right, or no longer current.", code: "INVALID_TWO_FACTOR_CODE" });
      }
    },
    /** After: a wrong password counts against the account from this address, as a wrong sign-in does. */
    async after(ctx: HookContext, returned: unknown): Promise<void> {
      if (!passwordFieldOf[ctx.path] || !isAPIError(returned) || (returned.body as { code?: unknown } | undefined)?.code !== "INVALID_PASSWORD") return;
      const holder = await sessionHolder(deps, ctx.headers);
      if (holder) await deps.throttle.recordFailure(holder.email, deps.clientIpOf(ctx.headers));
    },
  };
}
