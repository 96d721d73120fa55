import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { preferencesSchema, putPreferencesBodySchema } from "@mutual/core";
import type { Database } from "../../db/database.js";
import { actorOf } from "../../http/route-access.js";
import type { Clock } from "../../platform/clock.js";
import { presentPreferences } from "./preferences.presenter.js";
import { getPreferences, putPreferences } from "./preferences.service.js";

export type PreferencesRoutesOptions = { database: Database; clock: Clock };

/** GET /api/preferences: the caller's own settings. PUT: replace them. Nobody reads anyone else's. */
export const preferencesRoutes: FastifyPluginAsyncZod<PreferencesRoutesOptions> = async (app, { database, clock }) => {
  const deps = { db: database.db, clock };
  app.get("/api/preferences", { config: { access: "signed-in" }, schema: { response: { 200: preferencesSchema } } }, async (request) =>
    presentPreferences(await getPreferences(deps, actorOf(request).userId)),
  );
  app.put(
    "/api/preferences",
    { config: { access: "signed-in" }, schema: { body: putPreferencesBodySchema, response: { 200: preferencesSchema } } },
    async (request) => presentPreferences(await putPreferences(deps, actorOf(request).userId, request.body)),
  );
};
