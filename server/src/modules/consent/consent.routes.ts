import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { consentStatusSchema, giveConsentRequestSchema } from "@mutual/core";
import type { Database } from "../../db/database.js";
import { actorOf } from "../../http/route-access.js";
import type { Clock } from "../../platform/clock.js";
import { presentConsent } from "./consent.presenter.js";
import { getConsent, giveConsent } from "./consent.service.js";

export type ConsentRoutesOptions = { database: Database; clock: Clock };

/** GET /api/consent: has the person agreed to the notice in force? POST: agree to it. */
export const consentRoutes: FastifyPluginAsyncZod<ConsentRoutesOptions> = async (app, { database, clock }) => {
  const deps = { db: database.db, clock };
  app.get("/api/consent", { config: { access: "signed-in" }, schema: { response: { 200: consentStatusSchema } } }, async (request) =>
    presentConsent(await getConsent(deps, actorOf(request).userId)),
  );
  app.post(
    "/api/consent",
    { config: { access: "signed-in" }, schema: { body: giveConsentRequestSchema, response: { 200: consentStatusSchema } } },
    async (request) => presentConsent(await giveConsent(deps, actorOf(request).userId, request.body.noticeVersion)),
  );
};
