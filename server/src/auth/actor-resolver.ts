import type { FastifyReply, FastifyRequest } from "fastify";
import type { Database } from "../db/database.js";
import { StorageUnavailableError } from "../db/storage-health.js";
import type { Actor } from "../http/route-access.js";
import type { Clock } from "../platform/clock.js";
import type { Auth } from "./auth.js";
import { toFetchHeaders } from "./fetch-headers.js";
import { readCookie, sessionCookieName, verifySignedToken } from "./session-cookie.js";
import { isSessionDueForRefresh } from "./session-policy.js";
import { findSessionWithUser } from "./session.repository.js";

export type ActorResolverDeps = {
  auth: Auth;
  database: Database;
  secret: string;
  clock: Clock;
  isHttps: boolean;
  clientIpHeader: string | undefined;
};

/**
 * Resolves the signed-in actor from the session cookie, or null. The common case is one
 * signature check and one indexed query; once a day per session, when Better Auth would
 * extend it, the request goes through Better Auth, whose refreshed cookie is passed on.
 */
export function createActorResolver(deps: ActorResolverDeps) {
  const cookieName = sessionCookieName(deps.isHttps);
  return async (request: FastifyRequest, reply: FastifyReply): Promise<Actor | null> => {
    const cookie = readCookie(request.headers.cookie, cookieName);
    const token = cookie ? verifySignedToken(cookie, deps.secret) : null;
    if (!token) return null;
    const row = await findSessionWithUser(deps.database.db, token);
    if (!row) return null;
    const now = deps.clock.now();
    const expiresAt = new Date(row.expiresAt);
    if (expiresAt.getTime() <= now.getTime()) return null;
    if (isSessionDueForRefresh(expiresAt, now)) return refreshThroughBetterAuth(request, reply, deps);
    return {
      userId: row.userId,
      sessionId: row.sessionId,
      name: row.name,
      email: row.email,
      emailVerified: Boolean(row.emailVerified),
      twoFactorEnabled: Boolean(row.twoFactorEnabled),
      createdAt: new Date(row.createdAt),
    };
  };
}

async function refreshThroughBetterAuth(request: FastifyRequest, reply: FastifyReply, deps: ActorResolverDeps): Promise<Actor | null> {
  // Better Auth answers a session it could not read as no session, and would clear the cookie: in
  // an outage that would sign the person out. Their request fails with a 503 instead (decision 027).
  const { result, problem } = await deps.database.health.watch(() =>
    deps.auth.api.getSession({
      headers: toFetchHeaders(request, deps.clientIpHeader),
      returnHeaders: true,
    }),
  );
  if (problem) throw new StorageUnavailableError(problem, "The session could not be read");
  const { headers, response } = result;
  const cookies = headers.getSetCookie();
  if (cookies.length > 0) reply.header("set-cookie", cookies);
  if (!response) return null;
  return {
    userId: response.user.id,
    sessionId: response.session.id,
    name: response.user.name,
    email: response.user.email,
    emailVerified: response.user.emailVerified,
    twoFactorEnabled: Boolean(response.user.twoFactorEnabled),
    createdAt: new Date(response.user.createdAt),
  };
}
