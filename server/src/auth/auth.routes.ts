import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { confirmEmailBodySchema } from "@mutual/core";
import { addressOfSignUpToken, isUnfinishedSignUp, noAccountAddress, wrongPasswordAnswer } from "./answers.js";
import type { Auth } from "./auth.js";
import { runAsConfirmation, runWatchingSignUpEmail } from "./confirmation.js";
import type { StorageHealth } from "../db/storage-health.js";
import { sendStorageOutage } from "../http/error-handler.js";
import { badRequest } from "../domain/errors.js";
import { toFetchHeaders } from "./fetch-headers.js";
import { isOpenAuthPath } from "./open-endpoints.js";

/** A wrong password, an unknown or expired link, a deleted account: one answer for all (decision 020). */
export const confirmationRefused = {
  status: 401,
  body: { message: "The password does not match this link, or the link no longer works.", code: "CONFIRMATION_REFUSED" },
} as const;

export type AuthRoutesOptions = { auth: Auth; publicUrl: string; clientIpHeader: string | undefined; health: StorageHealth };

/** A sign-up whose email could not be written or sent: nothing was made, and the person is told so. */
export const signUpEmailNotSent = {
  status: 503,
  retryAfterSeconds: 60,
  body: {
    error: {
      code: "EMAIL_NOT_SENT",
      message: "We could not send the email to finish your account just now, so nothing was created. Please try again in a few minutes.",
    },
  },
} as const;

/**
 * Mounts Better Auth under /api/auth. Each request is turned into a Fetch Request
 * whose URL is built on PUBLIC_URL (never the Host header), carrying the client
 * address the operator's configuration says to trust.
 */
export async function authRoutes(app: FastifyInstance, options: AuthRoutesOptions): Promise<void> {
  // Better Auth's answer, read whole and adjusted, to be sent once the request's watch is over.
  type Relayed = { status: number; headers: Array<[string, string]>; cookies: string[]; text: string | null };
  const relay = async (response: Response, path?: string): Promise<Relayed> => {
    let text = response.body ? await response.text() : null;
    let status = response.status;
    // An unfinished sign-up's right password is answered as a wrong one (decision 020). Better
    // Auth's hooks cannot change its status, so it is changed here, with the same headers.
    if (path === "/api/auth/sign-in/email" && status === 403 && isUnfinishedSignUp(status, parseJson(text))) {
      status = wrongPasswordAnswer.status;
      text = JSON.stringify(wrongPasswordAnswer.body);
    }
    const headers: Array<[string, string]> = [];
    response.headers.forEach((value, key) => {
      if (key !== "set-cookie") headers.push([key, value]);
    });
    return { status, headers, cookies: response.headers.getSetCookie(), text };
  };
  const send = (reply: FastifyReply, relayed: Relayed) => {
    reply.status(relayed.status);
    for (const [key, value] of relayed.headers) reply.header(key, value);
    if (relayed.cookies.length > 0) reply.header("set-cookie", relayed.cookies);
    return reply.send(relayed.text);
  };
  const refused = (): Relayed => ({
    status: confirmationRefused.status,
    headers: [["content-type", "application/json"]],
    cookies: [],
    text: JSON.stringify(confirmationRefused.body),
  });

  // Better Auth answers a failed query with its own 4xx or 500 and swallows a failed email: every
  // request to it is watched, and a storage outage or an unsent sign-up email becomes our 503.
  // Nothing is sent until the watch is over, so no cookie of a half-done request goes out.
  const answerWatched = async (reply: FastifyReply, work: () => Promise<Relayed>) => {
    const { result, problem } = await options.health.watch(() => runWatchingSignUpEmail(work));
    if (problem) return sendStorageOutage(reply, problem);
    if (result.emailFailed) {
      return reply.status(signUpEmailNotSent.status).header("retry-after", String(signUpEmailNotSent.retryAfterSeconds)).send(signUpEmailNotSent.body);
    }
    return send(reply, result.result);
  };

  // The emailed sign-up link opens the web page with its token in the fragment; the page posts
  // it here with the password chosen at sign-up. The address is confirmed only together with
  // the right password, so someone who started a sign-up with another person's address gets
  // nothing from that person opening the link (decision 020). Better Auth takes the token only
  // in a GET's query string, which access logs keep: that GET is made in-process.
  app.post("/api/auth/confirm-email", { config: { access: "public" } }, async (request, reply) => {
    // Checked by its contract here, not by Fastify's schema, so that every malformed body gets
    // this one answer (and no field-by-field message about what a link's token looks like).
    const parsed = confirmEmailBodySchema.safeParse(request.body);
    if (!parsed.success) throw badRequest("INVALID_CONFIRMATION", "Send the token from the emailed link and the password, and nothing else.");
    const { token, password } = parsed.data;
    const headers = toFetchHeaders(request, options.clientIpHeader);
    headers.set("content-type", "application/json");
    headers.delete("content-length");
    // Which address the link is for, without using it yet.
    const email = await addressOfSignUpToken(options.auth, token);
    return answerWatched(reply, () =>
      runAsConfirmation(async () => {
        // The password is checked by Better Auth's own sign-in, with its throttle: failures here
        // count against the address and the client as a sign-in's do. A token that is not valid is
        // checked as a sign-in to an address no account has: it costs what a wrong password costs,
        // and guessing tokens is throttled per client like guessing passwords (decision 033).
        const signIn = () =>
          options.auth.handler(
            new Request(new URL("/api/auth/sign-in/email", options.publicUrl), {
              method: "POST",
              headers,
              body: JSON.stringify({ email: email ?? noAccountAddress, password }),
            }),
          );
        const checked = await signIn();
        if (checked.status === 429) return relay(checked);
        if (email === null) return refused();
        // Already confirmed (the link opened twice): the right password simply signs in.
        if (checked.status === 200) return relay(checked);
        if (!isUnfinishedSignUp(checked.status, parseJson(await checked.text()))) return refused();
        const url = new URL("/api/auth/verify-email", options.publicUrl);
        url.searchParams.set("token", token);
        const getHeaders = new Headers(headers);
        getHeaders.delete("content-type");
        const confirmed = await options.auth.handler(new Request(url, { method: "GET", headers: getHeaders }));
        if (confirmed.status !== 200) return refused();
        // Signs in as a sign-in would: a session cookie, or the second step's question for an
        // account with two-step sign-in. The password's verdict is reused (one scrypt per request).
        return relay(await signIn());
      }),
    );
  });

  app.route({
    method: ["GET", "POST"],
    url: "/api/auth/*",
    config: { access: "public" },
    async handler(request, reply) {
      // Decided on the path Better Auth will see (dot segments resolved), not on the raw URL. Only
      // the endpoints Mutual uses are open (open-endpoints.ts). Better Auth's GET /verify-email is
      // not among them: it checks no origin, and a link to it from another site could sign a
      // visitor in to an account the attacker made (login CSRF); only POST /api/auth/confirm-email
      // calls it, in-process.
      const url = new URL(request.url, options.publicUrl);
      if (!isOpenAuthPath(url.pathname)) return reply.callNotFound();
      return answerWatched(reply, async () => relay(await options.auth.handler(toFetchRequest(request, url, options)), url.pathname));
    },
  });
}

function toFetchRequest(request: FastifyRequest, url: URL, options: AuthRoutesOptions): Request {
  const hasBody = request.method !== "GET" && request.method !== "HEAD" && request.body !== undefined;
  return new Request(url, {
    method: request.method,
    headers: toFetchHeaders(request, options.clientIpHeader),
    ...(hasBody ? { body: JSON.stringify(request.body) } : {}),
  });
}

function parseJson(text: string | null): unknown {
  try {
    return text === null ? null : (JSON.parse(text) as unknown);
  } catch {
    return null;
  }
}
