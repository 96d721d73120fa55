import type { FastifyBaseLogger } from "fastify";
import { languageFromAcceptLanguage, type Language } from "@mutual/core";
import type { Database } from "../db/database.js";
import { storageProblemOf } from "../db/storage-health.js";
import type { Clock } from "../platform/clock.js";
import { existingAccountEmail, passwordResetEmail, signUpConfirmationEmail } from "../platform/email-templates.js";
import { scrubText } from "../platform/logger.js";
import { getPreferredLanguage } from "../modules/preferences/preferences.service.js";
import type { Mailer, OutgoingEmail } from "../platform/mailer.js";
import { isConfirming, markSignUpEmailFailed } from "./confirmation.js";
import { safeNextPath, signUpConfirmationUrl } from "./sign-up-link.js";
import { markLinkSent, removeUnsentSignUp } from "./user.repository.js";

// The emails Better Auth asks Mutual to send, and when their answer waits for them (decisions 020,
// 027). The words are in platform/email-templates.ts; this decides who, when, and what a failure means.

/** How long a sign-up waits for the mail transport to take its email before it goes on as sent. */
export const signUpEmailWaitMs = 4000;

export type AccountEmailDeps = { database: Database; mailer: Mailer; logger: FastifyBaseLogger; publicUrl: string; clock: Clock };

const isSignUpRequest = (request: Request | undefined) => request !== undefined && new URL(request.url).pathname.endsWith("/sign-up/email");

/** The `callbackURL` a sign-up asked for, as a same-site path ("/" when none or unsafe). */
async function callbackPathOf(request: Request | undefined): Promise<string> {
  try {
    const body = (await request?.clone().json()) as { callbackURL?: unknown } | undefined;
    return safeNextPath(typeof body?.callbackURL === "string" ? body.callbackURL : null);
  } catch {
    return "/";
  }
}

/** The sign-in page, going on to the page a sign-up came from; an invite's code stays in the fragment. */
function signInUrlFor(publicUrl: string, next: string): string {
  const signIn = new URL("/sign-in", publicUrl);
  const hashAt = next.indexOf("#");
  if (next !== "/") signIn.search = new URLSearchParams({ next: hashAt === -1 ? next : next.slice(0, hashAt) }).toString();
  return `${signIn.toString()}${hashAt === -1 ? "" : next.slice(hashAt)}`;
}

/** The Better Auth callbacks that send Mutual's account emails. */
export function createAccountEmails({ database, mailer, logger, publicUrl, clock }: AccountEmailDeps) {
  // The person's stored language when they have one; otherwise (at sign-up, before any choice) the
  // language of the page that asked, which the web app sends as Accept-Language (decision 083).
  const languageFor = async (userId: string | undefined, request: Request | undefined): Promise<Language> => {
    const stored = userId === undefined ? null : await getPreferredLanguage(database.db, userId).catch(() => null);
    return stored ?? languageFromAcceptLanguage(request?.headers.get("accept-language") ?? undefined);
  };

  const logFailure = (what: string, error: unknown) => logger.error({ source: "mailer" }, `The ${what} email could not be sent: ${scrubText(String(error))}`);

  // Emails that must not slow the answer down: the mail transport's time would tell whether an
  // account exists (decision 020). A transport's error can quote the recipient: only its
  // scrubbed text is logged.
  const sendWithoutWaiting = (what: string, email: OutgoingEmail) => void mailer.send(email).catch((error: unknown) => logFailure(what, error));

  // A sign-up's email, new address or taken alike, is awaited: its answer says "check your email",
  // which must be true. Both kinds send exactly one email, so waiting tells nothing about which it
  // was; a failure answers 503 for both (decision 027). `undo` removes what the sign-up made, so
  // trying again later is a fresh sign-up rather than a "someone tried" email to oneself. A mail
  // server that does not answer (rather than refusing) may still deliver: after a few seconds the
  // sign-up goes on as sent, and a later failure is only logged.
  const sendForSignUp = async (what: string, email: OutgoingEmail, undo?: () => Promise<unknown>) => {
    const sending = mailer.send(email);
    let timer: NodeJS.Timeout | undefined;
    const stillSending = new Promise<"still sending">((resolve) => (timer = setTimeout(() => resolve("still sending"), signUpEmailWaitMs)));
    try {
      if ((await Promise.race([sending, stillSending])) === "still sending") {
        sending.catch((error: unknown) => logFailure(what, error));
        logger.warn({ source: "mailer" }, `The mail server had not taken the ${what} email after ${signUpEmailWaitMs / 1000} s; the sign-up goes on as sent`);
      }
    } catch (error) {
      logFailure(what, error);
      // An outbox that cannot be written is a full disk: the server is not ready while it lasts.
      if (storageProblemOf(error) === "full") database.health.noteError(error);
      await undo?.().catch((undoError: unknown) =>
        logger.error({ source: "mailer" }, `An unsent sign-up could not be removed: ${scrubText(String(undoError))}`),
      );
      markSignUpEmailFailed();
    } finally {
      clearTimeout(timer);
    }
  };

  return {
    /** The reset link; not awaited: there is no email for an unknown address (decision 020). */
    sendResetPassword: async ({ user, token }: { user: { id: string; email: string }; token: string }, request: Request | undefined) => {
      // The token rides in the fragment, which browsers never send: it stays out of every
      // server's and proxy's access log (as partner invite codes do, decision 012).
      const resetUrl = `${new URL("/reset-password", publicUrl).toString()}#${encodeURIComponent(token)}`;
      const language = await languageFor(user.id, request);
      sendWithoutWaiting("password reset", { to: user.email, ...passwordResetEmail({ resetUrl, language }) });
    },

    /** To the owner of an address someone tried to sign up with; awaited like a new address's link. */
    emailExistingAccount: async ({ user }: { user: { id: string; email: string } }, request: Request | undefined) => {
      const signInUrl = signInUrlFor(publicUrl, await callbackPathOf(request));
      const language = await languageFor(user.id, request);
      await sendForSignUp("existing account", {
        to: user.email,
        ...existingAccountEmail({ signInUrl, forgotPasswordUrl: new URL("/forgot-password", publicUrl).toString(), language }),
      });
    },

    /**
     * The link that finishes a sign-up: awaited at sign-up; not awaited for a link asked for again
     * or sent at sign-in, whose answers must not depend on whether the address has an account.
     * Better Auth's own link would carry the token in the query string to the server; ours opens
     * the web page with it in the fragment.
     */
    sendVerificationEmail: async ({ user, token, url }: { user: { id: string; email: string }; token: string; url: string }, request: Request | undefined) => {
      // Confirming with the link and the password: the person already has a link.
      if (isConfirming()) return;
      await markLinkSent(database.db, database.dialect, user.id, clock.now().toISOString());
      const confirmUrl = signUpConfirmationUrl(publicUrl, token, new URL(url).searchParams.get("callbackURL"), user.email);
      const email = { to: user.email, ...signUpConfirmationEmail({ confirmUrl, language: await languageFor(user.id, request) }) };
      if (isSignUpRequest(request)) await sendForSignUp("confirmation", email, () => removeUnsentSignUp(database.db, database.dialect, user.id));
      else sendWithoutWaiting("confirmation", email);
    },
  };
}
