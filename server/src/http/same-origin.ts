import type { FastifyInstance } from "fastify";
import type { ApiError } from "@mutual/core";

const unsafeMethods = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/**
 * Refuses state-changing API requests that do not come from our own pages: the Origin
 * header (or, when a browser sends none, Sec-Fetch-Site) must name PUBLIC_URL's origin.
 * The session cookie is SameSite=Lax, which still lets a sibling subdomain post with it,
 * and a request without a body needs no JSON content type; this closes both gaps.
 * Better Auth's own routes (/api/auth/*) run its equivalent check.
 */
export function registerSameOriginCheck(app: FastifyInstance, options: { publicUrl: string }): void {
  const allowedOrigin = new URL(options.publicUrl).origin;
  app.addHook("onRequest", (request, reply, done) => {
    if (!unsafeMethods.has(request.method) || !request.url.startsWith("/api/") || request.url.startsWith("/api/auth/")) {
      done();
      return;
    }
    const origin = request.headers.origin;
    const fetchSite = request.headers["sec-fetch-site"];
    const isSameOrigin = origin !== undefined ? origin === allowedOrigin : fetchSite === "same-origin";
    if (isSameOrigin) {
      done();
      return;
    }
    const body: ApiError = { error: { code: "FORBIDDEN_ORIGIN", message: "This request must come from Mutual's own pages." } };
    void reply.status(403).send(body);
  });
}
