import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { ApiError } from "@mutual/core";
import type { Actor } from "../domain/actor.js";

/**
 * Every route declares who may call it, in its `config.access`. The server refuses to
 * start with a route that declares nothing, so a new route cannot be open by accident.
 * Finer rules (whose data) live in each module's policy.
 */
export type RouteAccess = "public" | "signed-in";

export type ResolveActor = (request: FastifyRequest, reply: FastifyReply) => Promise<Actor | null>;

// Module augmentation needs interfaces: types cannot merge into Fastify's declarations.
declare module "fastify" {
  // eslint-disable-next-line @typescript-eslint/consistent-type-definitions
  interface FastifyContextConfig {
    access?: RouteAccess;
  }
  // eslint-disable-next-line @typescript-eslint/consistent-type-definitions
  interface FastifyRequest {
    /** Set for routes with access "signed-in"; undefined on public routes. */
    actor?: Actor;
  }
}

/** One registered route as the access check saw it. */
export type DeclaredRoute = { method: string; url: string; access: RouteAccess | undefined; responses: Readonly<Record<string, unknown>> };

type CollectedRoute = { method: unknown; url: string; config?: { access?: RouteAccess }; schema?: { response?: unknown } };

const collectedRoutes = new WeakMap<FastifyInstance, CollectedRoute[]>();

/**
 * Every route registered on an app that went through registerRouteAccess, one entry per
 * method (a route declared for ["GET", "POST"] gives two), sorted by url then method. The HEAD
 * routes Fastify adds by itself for each GET route (exposeHeadRoutes) are folded into that GET
 * route and not listed: they run the same handler, hooks and access rule, and answer without a
 * body. A HEAD route on a url with no GET route is listed.
 */
export function declaredRoutes(app: FastifyInstance): DeclaredRoute[] {
  const routes = collectedRoutes.get(app);
  if (!routes) throw new Error("declaredRoutes() needs an app set up with registerRouteAccess");
  const getUrls = new Set(routes.flatMap((route) => (methodsOf(route).includes("GET") ? [route.url] : [])));
  const listed = routes.flatMap((route) =>
    methodsOf(route)
      .filter((method) => !(method === "HEAD" && getUrls.has(route.url)))
      .map((method) => ({ method, url: route.url, access: route.config?.access, responses: responsesOf(route) })),
  );
  return listed.sort((a, b) => a.url.localeCompare(b.url) || a.method.localeCompare(b.method));
}

/** The response schemas a route declares, by status ("200", "201", …); {} when it declares none. */
function responsesOf(route: CollectedRoute): Readonly<Record<string, unknown>> {
  const responses = route.schema?.response;
  return typeof responses === "object" && responses !== null ? (responses as Record<string, unknown>) : {};
}

function methodsOf(route: CollectedRoute): string[] {
  return (Array.isArray(route.method) ? route.method : [route.method]).map((method) => String(method).toUpperCase());
}

export function registerRouteAccess(app: FastifyInstance, resolveActor: ResolveActor): void {
  // Checked once all plugins are in, so a plugin may fill in its routes' access as it adds them.
  const routes: CollectedRoute[] = [];
  collectedRoutes.set(app, routes);
  app.addHook("onRoute", (route) => {
    routes.push(route);
  });
  app.addHook("onReady", async () => {
    const undeclared = routes.filter((route) => !route.config?.access);
    if (undeclared.length > 0) {
      const names = undeclared.map((route) => `${String(route.method)} ${route.url}`).join(", ");
      throw new Error(`Routes without an access rule (config.access): ${names}`);
    }
  });
  app.decorateRequest("actor", undefined);
  app.addHook("onRequest", async (request, reply) => {
    if (request.routeOptions.config.access !== "signed-in") return;
    const actor = await resolveActor(request, reply);
    if (!actor) {
      const body: ApiError = { error: { code: "UNAUTHENTICATED", message: "Please sign in." } };
      return reply.status(401).send(body);
    }
    request.actor = actor;
  });
}

/** The signed-in actor of a request whose route declared access "signed-in". */
export function actorOf(request: FastifyRequest): Actor {
  if (!request.actor) throw new Error("actorOf() called on a route that is not signed-in only");
  return request.actor;
}
