import type { FastifyInstance } from "fastify";
import type { ApiError } from "@mutual/core";

/**
 * Where a browser says a request came from (Sec-Fetch-Site) that the API serves: our own pages
 * ("same-origin") and the person's own doing ("none": a typed address, a bookmark, a download
 * opened from the browser). Absent means a client that is not a browser, or one too old to say;
 * those carry no cookie of ours by accident, and the same-origin check still guards writes.
 */
const servedSites: ReadonlySet<string> = new Set(["same-origin", "none"]);

/**
 * Fetch-metadata resource isolation for the API (decision 033). A signed-in read can write: a
 * counsellor opening a client's page records a row in the client's "Who viewed my data" and the
 * counsellor's "last viewed" mark. SameSite=Lax cookies ride along on another site's top-level
 * navigation, so a link elsewhere could make those writes happen in the counsellor's name. Every
 * request under /api/ that a browser marks as coming from another site ("cross-site", or a sibling
 * subdomain's "same-site"), navigations included, is refused here, before the route's access
 * check resolves the session or any handler runs. Same-origin downloads (the export) and addresses
 * typed into the browser still work.
 *
 * Decided on the raw URL and on the route the router matched, so `/%61pi/…` is covered too.
 */
export function registerFetchMetadataCheck(app: FastifyInstance): void {
  app.addHook("onRequest", (request, reply, done) => {
    const site = request.headers["sec-fetch-site"];
    const isApi = request.url.startsWith("/api/") || (request.routeOptions.url?.startsWith("/api/") ?? false);
    if (!isApi || site === undefined || servedSites.has(site)) {
      done();
      return;
    }
    const body: ApiError = { error: { code: "CROSS_SITE_REFUSED", message: "Mutual's data can only be asked for from Mutual's own pages." } };
    void reply.status(403).send(body);
  });
}
