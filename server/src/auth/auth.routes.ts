import type { FastifyInstance, FastifyRequest } from "fastify";
import { resolveClientIp, resolvedClientIpHeader } from "../http/client-ip.js";
import type { Actor } from "../http/route-access.js";
import type { Auth } from "./auth.js";

export type AuthRoutesOptions = { auth: Auth; publicUrl: string; clientIpHeader: string | undefined };

/**
 * Mounts Better Auth under /api/auth. Each request is turned into a Fetch Request
 * whose URL is built on PUBLIC_URL (never the Host header), carrying the client
 * address the operator's configuration says to trust.
 */
export async function authRoutes(app: FastifyInstance, options: AuthRoutesOptions): Promise<void> {
  app.route({
    method: ["GET", "POST"],
    url: "/api/auth/*",
    config: { access: "public" },
    async handler(request, reply) {
      const response = await options.auth.handler(toFetchRequest(request, options));
      reply.status(response.status);
      response.headers.forEach((value, key) => {
        if (key !== "set-cookie") reply.header(key, value);
      });
      const cookies = response.headers.getSetCookie();
      if (cookies.length > 0) reply.header("set-cookie", cookies);
      return reply.send(response.body ? await response.text() : null);
    },
  });
}

/** Headers for Better Auth: the client's own, minus any forged copy of our internal IP header. */
export function toFetchHeaders(request: FastifyRequest, clientIpHeader: string | undefined): Headers {
  const headers = new Headers();
  for (const [key, value] of Object.entries(request.headers)) {
    if (value === undefined || key === resolvedClientIpHeader) continue;
    headers.set(key, Array.isArray(value) ? value.join(", ") : value);
  }
  headers.set(resolvedClientIpHeader, resolveClientIp(request.headers, request.socket.remoteAddress, clientIpHeader));
  return headers;
}

function toFetchRequest(request: FastifyRequest, options: AuthRoutesOptions): Request {
  const url = new URL(request.url, options.publicUrl);
  const hasBody = request.method !== "GET" && request.method !== "HEAD" && request.body !== undefined;
  return new Request(url, {
    method: request.method,
    headers: toFetchHeaders(request, options.clientIpHeader),
    ...(hasBody ? { body: JSON.stringify(request.body) } : {}),
  });
}

/** Resolves the signed-in actor from the session cookie, or null. */
export function createActorResolver(auth: Auth, clientIpHeader: string | undefined) {
  return async (request: FastifyRequest): Promise<Actor | null> => {
    const result = await auth.api.getSession({ headers: toFetchHeaders(request, clientIpHeader) });
    if (!result) return null;
    return {
      userId: result.user.id,
      sessionId: result.session.id,
      name: result.user.name,
      email: result.user.email,
      emailVerified: result.user.emailVerified,
      createdAt: new Date(result.user.createdAt),
    };
  };
}
