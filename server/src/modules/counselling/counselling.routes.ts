import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import {
  acceptClientInviteBodySchema,
  clientCodeBodySchema,
  clientIdParamsSchema,
  clientInviteLookupResponseSchema,
  counsellingRelationsResponseSchema,
  putCounsellingScopesBodySchema,
} from "@mutual/core";
import { actorOf } from "../../http/route-access.js";
import { acceptClientInvite, getMyCounselling, lookupClientInvite, putMyScopes, stopSharing, type CounsellingDeps } from "./counselling.service.js";

export type CounsellingRoutesOptions = CounsellingDeps;

/**
 * The client's side (decision 015): accept a counsellor's invite with chosen scopes, see my
 * counsellors, change what I share, stop sharing. Every route acts only on the caller's own relations.
 */
export const counsellingRoutes: FastifyPluginAsyncZod<CounsellingRoutesOptions> = async (app, deps) => {
  app.get("/api/counselling", { config: { access: "signed-in" }, schema: { response: { 200: counsellingRelationsResponseSchema } } }, async (request) =>
    getMyCounselling(deps, actorOf(request).userId),
  );

  app.post(
    "/api/counselling/lookup",
    { config: { access: "signed-in" }, schema: { body: clientCodeBodySchema, response: { 200: clientInviteLookupResponseSchema } } },
    async (request) => lookupClientInvite(deps, actorOf(request).userId, request.body.code),
  );

  app.post(
    "/api/counselling/accept",
    { config: { access: "signed-in" }, schema: { body: acceptClientInviteBodySchema, response: { 200: counsellingRelationsResponseSchema } } },
    async (request) => acceptClientInvite(deps, actorOf(request).userId, request.body.code, request.body.scopes),
  );

  app.put(
    "/api/counselling/:clientId/scopes",
    {
      config: { access: "signed-in" },
      schema: { params: clientIdParamsSchema, body: putCounsellingScopesBodySchema, response: { 200: counsellingRelationsResponseSchema } },
    },
    async (request) => putMyScopes(deps, actorOf(request).userId, request.params.clientId, request.body.scopes),
  );

  app.delete("/api/counselling/:clientId", { config: { access: "signed-in" }, schema: { params: clientIdParamsSchema } }, async (request, reply) => {
    await stopSharing(deps, actorOf(request).userId, request.params.clientId);
    return reply.code(204).send();
  });
};
