import type { FastifyInstance, FastifyRequest } from "fastify";
import type { Auth } from "./auth.js";
import { toFetchHeaders } from "./fetch-headers.js";

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

function toFetchRequest(request: FastifyRequest, options: AuthRoutesOptions): Request {
  const url = new URL(request.url, options.publicUrl);
  const hasBody = request.method !== "GET" && request.method !== "HEAD" && request.body !== undefined;
  return new Request(url, {
    method: request.method,
    headers: toFetchHeaders(request, options.clientIpHeader),
    ...(hasBody ? { body: JSON.stringify(request.body) } : {}),
  });
}
