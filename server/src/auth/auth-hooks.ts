import { APIError, createAuthMiddleware, isAPIError } from "better-auth/api";
import { resolvedClientIpHeader } from "../http/client-ip.js";
import { isUnfinishedSignUp, signUpAnswer } from "./answers.js";
import { unexpectedFields } from "./open-endpoints.js";
import type { createPasswordChecks } from "./password-checks.js";
import { throttledAnswer } from "./password-checks.js";
import { normaliseBackupCode } from "./backup-codes.js";
import { checkNewPassword } from "./password-policy.js";
import { organizationRequestCheck } from "./practice-plugins.js";
import { holdsNulCharacter, personFieldsProblem } from "./request-fields.js";
import type { SignInThrottle } from "./sign-in-throttle.js";

// What Mutual adds around Better Auth's endpoints, as tables keyed by the endpoint's path: the checks
// every request gets, then each path's own checks before it runs, and each path's follow-up after.

type HookContext = Parameters<Parameters<typeof createAuthMiddleware>[0]>[0];
/** A check before an endpoint runs: throws to refuse, or returns a body that replaces the request's. */
type BeforeStep = (ctx: HookContext) => Promise<Record<string, unknown> | void> | Record<string, unknown> | void;
/** A follow-up after an endpoint ran; `returned` is its answer (an APIError when refused). */
type AfterStep = (ctx: HookContext, returned: unknown) => Promise<unknown>;

export type AuthHookDeps = {
  throttle: SignInThrottle;
  passwordChecks: ReturnType<typeof createPasswordChecks>;
  afterLeavingPractice?: ((practiceId: string, userId: string) => Promise<void>) | undefined;
};

export const clientIpOf = (headers: Headers | undefined) => headers?.get(resolvedClientIpHeader) ?? "unknown";

const refuse = (code: string, message: string) => new APIError("BAD_REQUEST", { message, code });

/** Every request: only the fields Mutual uses, no NUL, names by the one rule (decisions 031, 033). */
const everyRequest: readonly BeforeStep[] = [
  // Better Auth merges a hook's body into the request's, so extra fields are refused rather than dropped.
  (ctx) => {
    const extra = unexpectedFields(ctx.path, ctx.body);
    if (extra.length > 0) throw refuse("FIELDS_REFUSED", `This request does not take: ${extra.slice(0, 5).join(", ")}.`);
  },
  (ctx) => {
    if (holdsNulCharacter(ctx.body) || holdsNulCharacter(ctx.query)) throw refuse("NUL_CHARACTER", "Text with a NUL character is not accepted.");
  },
  (ctx) => {
    const problem = personFieldsProblem(ctx.path, ctx.body as Record<string, unknown> | undefined);
    if (problem) throw refuse("PERSON_FIELDS_INVALID", problem);
  },
];

/** A second-step code never trusts the device: a code is asked at every sign-in (decision 014). */
const noTrustedDevice: BeforeStep = (ctx) => {
  if (ctx.body?.trustDevice === true) throw refuse("TRUST_DEVICE_NOT_OFFERED", "Trusting a device is not offered: a code is asked at every sign-in.");
};

/** A backup code is read however it was typed: any case, spaces or dashes (backup-codes.ts). */
const backupCodeAsStored: BeforeStep = (ctx) => (typeof ctx.body?.code === "string" ? { ...ctx.body, code: normaliseBackupCode(ctx.body.code) } : undefined);

/** A new password must pass the password rules (decision 003), in whichever field carries it. */
const newPasswordIn =
  (field: "password" | "newPassword"): BeforeStep =>
  async (ctx) => {
    const password: unknown = ctx.body?.[field];
    if (typeof password !== "string") return;
    const verdict = await checkNewPassword(password);
    if (!verdict.ok) throw refuse(verdict.code, verdict.message);
  };

const organizationCheck: BeforeStep = (ctx) => organizationRequestCheck(ctx.path, ctx.body as Record<string, unknown> | undefined);

/** The hooks Better Auth runs before and after each of its endpoints. */
export function createAuthHooks({ throttle, passwordChecks, afterLeavingPractice }: AuthHookDeps) {
  const signInThrottled: BeforeStep = async (ctx) => {
    if (typeof ctx.body?.email !== "string") return;
    const wait = await throttle.secondsUntilAllowed(ctx.body.email, clientIpOf(ctx.headers));
    if (wait > 0) throw throttledAnswer(wait);
  };
  // Changing the password always ends every other session.
  const revokeOtherSessions: BeforeStep = (ctx) => ({ ...ctx.body, revokeOtherSessions: true });

  const beforePath: Readonly<Record<string, readonly BeforeStep[]>> = {
    "/two-factor/verify-totp": [noTrustedDevice],
    "/two-factor/verify-backup-code": [noTrustedDevice, backupCodeAsStored],
    "/two-factor/verify-otp": [noTrustedDevice],
    "/sign-up/email": [newPasswordIn("password")],
    "/reset-password": [newPasswordIn("newPassword")],
    "/sign-in/email": [signInThrottled],
    "/change-password": [newPasswordIn("newPassword")],
    "/organization/create": [organizationCheck],
    "/organization/remove-member": [organizationCheck],
    "/organization/invite-member": [organizationCheck],
    "/organization/update-member-role": [organizationCheck],
  };
  /** Body changes made once every check has passed, the signed-in password's included. */
  const beforePathLast: Readonly<Record<string, readonly BeforeStep[]>> = { "/change-password": [revokeOtherSessions] };

  /** The sign-in throttle counts wrong passwords; an unfinished sign-up's right one counts as wrong (decision 020). */
  const countSignIn: AfterStep = async (ctx, returned) => {
    if (typeof ctx.body?.email !== "string") return;
    const clientIp = clientIpOf(ctx.headers);
    if (!isAPIError(returned)) return throttle.recordSuccess(ctx.body.email, clientIp);
    if (returned.statusCode === 401 || isUnfinishedSignUp(returned.statusCode, returned.body)) await throttle.recordFailure(ctx.body.email, clientIp);
  };
  // Better Auth answers with the new person's record, or a made-up one for a taken address: ids and
  // times differ. Both get this, byte for byte (decision 020).
  const oneSignUpAnswer: AfterStep = async (ctx, returned) => (isAPIError(returned) ? undefined : ctx.json(signUpAnswer));
  const endRelationsOnLeaving: AfterStep = async (_ctx, returned) => {
    if (!afterLeavingPractice || isAPIError(returned)) return;
    const body = returned as { member?: { organizationId?: unknown; userId?: unknown }; organizationId?: unknown; userId?: unknown } | undefined;
    const member = body?.member ?? body;
    if (typeof member?.organizationId === "string" && typeof member.userId === "string") await afterLeavingPractice(member.organizationId, member.userId);
  };
  const afterPath: Readonly<Record<string, AfterStep>> = {
    "/two-factor/verify-totp": async (ctx, returned) => (isAPIError(returned) ? undefined : endOtherSessionsOnceTwoFactorIsOn(ctx)),
    "/organization/remove-member": endRelationsOnLeaving,
    "/organization/leave": endRelationsOnLeaving,
    "/sign-up/email": oneSignUpAnswer,
    "/sign-in/email": countSignIn,
  };

  return {
    before: createAuthMiddleware(async (ctx) => {
      let body: Record<string, unknown> | undefined;
      for (const step of [...everyRequest, ...(beforePath[ctx.path] ?? [])]) body = (await step(ctx)) ?? body;
      // A practice's own checks set its whole body; the password checks do not apply there.
      if (body) return { context: { body } };
      await passwordChecks.before(ctx);
      for (const step of beforePathLast[ctx.path] ?? []) body = (await step(ctx)) ?? body;
      return body ? { context: { body } } : undefined;
    }),
    after: createAuthMiddleware(async (ctx) => {
      const returned = ctx.context.returned;
      await passwordChecks.after(ctx, returned);
      return afterPath[ctx.path]?.(ctx, returned);
    }),
  };
}

/**
 * Confirming the first code turns two-step sign-in on: Better Auth replaces the confirming
 * session, and we end every other one, since each began with the password alone. A code
 * checked at sign-in (no session in the request) or by someone already enrolled changes nothing.
 */
async function endOtherSessionsOnceTwoFactorIsOn(ctx: HookContext): Promise<void> {
  const created = ctx.context.newSession;
  const before = ctx.context.session;
  if (!created || !before || before.session.token === created.session.token) return;
  const sessions = await ctx.context.internalAdapter.listSessions(created.user.id);
  const others = sessions.map((session) => session.token).filter((token) => token !== created.session.token);
  if (others.length > 0) await ctx.context.internalAdapter.deleteSessions(others);
}
