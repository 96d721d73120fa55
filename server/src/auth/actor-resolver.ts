import type { FastifyReply, FastifyRequest } from "fastify";
import type { Database } from "../db/database.js";
import type { Actor } from "../domain/actor.js";
import { readCookie, sessionCookieName, verifySignedToken } from "./session-cookie.js";
import { isLastUseDue, sessionEndsAt, type SessionLimits } from "./session-policy.js";
import { findSessionWithUser, recordSessionUse } from "./session.repository.js";

export type ActorResolverDeps = {
  database: Database;
  secret: string;
  isHttps: boolean;
  sessionLimits: SessionLimits;
};

/**
 * Resolves the signed-in actor from the session cookie, or null: one signature check and one
 * indexed query (decision 007). A session past its idle timeout or lifetime is refused, the idle
 * timeout judged by the person's role now, not when they signed in; at most once a minute a
 * request records the session's use, which moves its end (decision 032). Better Auth never extends
 * a session itself: its own endpoints see the end written here.
 */
export function createActorResolver(deps: ActorResolverDeps) {
  const cookieName = sessionCookieName(deps.isHttps);
  return async (request: FastifyRequest, _reply: FastifyReply): Promise<Actor | null> => {
    const cookie = readCookie(request.headers.cookie, cookieName);
    const token = cookie ? verifySignedToken(cookie, deps.secret) : null;
    if (!token) return null;
    const row = await findSessionWithUser(deps.database.db, token);
    if (!row) return null;
    // The real clock, as Better Auth's: session rows are its, written with its times.
    const now = Date.now();
    const isPracticeMember = Boolean(row.isPracticeMember);
    const times = { createdAtMs: new Date(row.sessionCreatedAt).getTime(), lastUseMs: new Date(row.lastUseAt).getTime() };
    if (Math.min(new Date(row.expiresAt).getTime(), sessionEndsAt(times, isPracticeMember, deps.sessionLimits)) <= now) return null;
    if (isLastUseDue(times.lastUseMs, now)) {
      await recordSessionUse(
        deps.database.db,
        row.sessionId,
        new Date(now),
        new Date(sessionEndsAt({ ...times, lastUseMs: now }, isPracticeMember, deps.sessionLimits)),
      );
    }
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
