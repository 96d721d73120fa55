import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { preferencesSchema, putLanguageBodySchema, putPreferencesBodySchema } from "@mutual/core";
import type { Database } from "../../db/database.js";
import { actorOf } from "../../http/route-access.js";
import type { Clock } from "../../platform/clock.js";
import { presentPreferences } from "./preferences.presenter.js";
import { getPreferences, putLanguage, putPreferences } from "./preferences.service.js";

export type PreferencesRoutesOptions = { database: Database; clock: Clock };

/**
 * GET /api/preferences: the caller's own settings. PUT: replace them. PUT /api/preferences/language:
 * only the language (decision 074), as the switch on every page sends it. Nobody reads anyone else's.
 */
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
  app.put(
    "/api/preferences/language",
    { config: { access: "signed-in" }, schema: { body: putLanguageBodySchema, response: { 200: preferencesSchema } } },
    async (request) => presentPreferences(await putLanguage(deps, actorOf(request).userId, request.body.language)),
  );
};
