// The zod schemas each route declares, as Fastify saw them when the route was added. The app's
// own route table (declaredRoutes) lists method, url and access only, so the fuzz test wraps the
// Fastify factory (vi.mock in the test file) to record every route's options as it is added,
// the same way registerRouteAccess collects them. Nothing here changes what the app does.
import type { FastifyInstance, RouteOptions } from "fastify";
import type { ZodType } from "zod";

export type RouteSchemas = { body?: ZodType; params?: ZodType; querystring?: ZodType };

const recorded = new WeakMap<object, RouteOptions[]>();

/** Called by the wrapped Fastify factory for every instance it makes. */
export function recordRoutesOf(app: FastifyInstance): void {
  const routes: RouteOptions[] = [];
  recorded.set(app, routes);
  app.addHook("onRoute", (route) => {
    routes.push(route);
  });
}

function isZod(value: unknown): value is ZodType {
  return typeof value === "object" && value !== null && typeof (value as { safeParse?: unknown }).safeParse === "function";
}

/** The request schemas of the route with this method and url, or {} when it declares none. */
export function schemasOf(app: FastifyInstance, method: string, url: string): RouteSchemas {
  const routes = recorded.get(app);
  if (!routes) throw new Error("schemasOf() needs an app made through the wrapped Fastify factory");
  const route = routes.find(
    (entry) =>
      entry.url === url &&
      [entry.method]
        .flat()
        .map((name) => String(name).toUpperCase())
        .includes(method),
  );
  if (!route) throw new Error(`no recorded route ${method} ${url}`);
  const schema = (route.schema ?? {}) as Record<string, unknown>;
  const found: RouteSchemas = {};
  if (isZod(schema.body)) found.body = schema.body;
  if (isZod(schema.params)) found.params = schema.params;
  if (isZod(schema.querystring)) found.querystring = schema.querystring;
  return found;
}
