import type { FastifyInstance } from "fastify";
import type { ApiError } from "@mutual/core";

const unsafeMethods = new Set(["POST", "PUT", "PATCH", "DELETE"]);
/** Better Auth's catch-all (auth.routes.ts): it runs its own equivalent check. */
const betterAuthRoute = "/api/auth/*";

/**
 * Refuses state-changing API requests that do not come from our own pages: the Origin
 * header (or, when a browser sends none, Sec-Fetch-Site) must name PUBLIC_URL's origin.
 * The session cookie is SameSite=Lax, which still lets a sibling subdomain post with it,
 * and a request without a body needs no JSON content type; this closes both gaps.
 * Better Auth's own routes (the /api/auth/* catch-all) run its equivalent check; ours
 * under /api/auth (POST /api/auth/confirm-email) do not, so they are checked here.
 *
 * It decides on the route the router matched, not on the URL as sent: the router ignores a
 * trailing slash and decodes percent escapes, so `/api/x/`, `/api/%78` and `/%61pi/x` all
 * reach the route `/api/x`. Fastify runs onRequest hooks after routing. A request that matches
 * no route reaches no handler and is answered 404 by the not-found handler, from any site.
 */
export function registerSameOriginCheck(app: FastifyInstance, options: { publicUrl: string }): void {
  const allowedOrigin = new URL(options.publicUrl).origin;
  app.addHook("onRequest", (request, reply, done) => {
    const route = request.routeOptions.url;
    if (!unsafeMethods.has(request.method) || route === undefined || !route.startsWith("/api/") || route === betterAuthRoute) {
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
