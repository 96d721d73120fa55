import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { profileChangeResponseSchema, profileResponseSchema } from "@mutual/core";
import type { Database } from "../../db/database.js";
import { requestLanguage } from "../../http/request-language.js";
import { actorOf } from "../../http/route-access.js";
import type { Clock } from "../../platform/clock.js";
import { getProfile, getProfileChange } from "./assessment.service.js";

export type ProfileRoutesOptions = { database: Database; clock: Clock };

/** The owner's own profile and how it changed between the last two. Never anyone else's. */
export const profileRoutes: FastifyPluginAsyncZod<ProfileRoutesOptions> = async (app, { database, clock }) => {
  const deps = { db: database.db, clock };
  app.get("/api/profile", { config: { access: "signed-in" }, schema: { response: { 200: profileResponseSchema } } }, async (request) =>
    getProfile(deps, actorOf(request).userId, requestLanguage(request)),
  );
  app.get("/api/profile/change", { config: { access: "signed-in" }, schema: { response: { 200: profileChangeResponseSchema } } }, async (request) =>
    getProfileChange(deps, actorOf(request).userId),
  );
};
