import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import {
  coupleReportResponseSchema,
  coupleStateResponseSchema,
  createInviteResponseSchema,
  inviteCodeBodySchema,
  inviteLookupResponseSchema,
  partnerCheckInsResponseSchema,
  partnerExercisesResponseSchema,
  putSharesBodySchema,
} from "@mutual/core";
import { requestLanguage } from "../../http/request-language.js";
import { actorOf } from "../../http/route-access.js";
import {
  acceptInvite,
  cancelInvite,
  createInvite,
  getCoupleReport,
  getCoupleState,
  getPartnerCheckIns,
  getPartnerExercises,
  lookupInvite,
  putShares,
  unlink,
  type CoupleDeps,
} from "./couple.service.js";

export type CoupleRoutesOptions = CoupleDeps;

/**
 * The partner link and partner views. Every route is for a signed-in person and acts only on
 * their own couple; partner data is read only through a share checked in the same transaction.
 */
export const coupleRoutes: FastifyPluginAsyncZod<CoupleRoutesOptions> = async (app, deps) => {
  const viewerOf = (request: Parameters<typeof actorOf>[0]) => {
    const actor = actorOf(request);
    return { userId: actor.userId, name: actor.name };
  };

  app.get("/api/couple", { config: { access: "signed-in" }, schema: { response: { 200: coupleStateResponseSchema } } }, async (request) =>
    getCoupleState(deps, actorOf(request).userId),
  );

  app.post("/api/couple/invite", { config: { access: "signed-in" }, schema: { response: { 201: createInviteResponseSchema } } }, async (request, reply) => {
    const created = await createInvite(deps, actorOf(request).userId);
    return reply.code(201).send(created);
  });

  app.delete("/api/couple/invite", { config: { access: "signed-in" } }, async (request, reply) => {
    await cancelInvite(deps, actorOf(request).userId);
    return reply.code(204).send();
  });

  app.post(
    "/api/couple/invite/lookup",
    { config: { access: "signed-in" }, schema: { body: inviteCodeBodySchema, response: { 200: inviteLookupResponseSchema } } },
    async (request) => lookupInvite(deps, actorOf(request).userId, request.body.code),
  );

  app.post(
    "/api/couple/accept",
    { config: { access: "signed-in" }, schema: { body: inviteCodeBodySchema, response: { 200: coupleStateResponseSchema } } },
    async (request) => acceptInvite(deps, actorOf(request).userId, request.body.code),
  );

  app.put(
    "/api/couple/shares",
    { config: { access: "signed-in" }, schema: { body: putSharesBodySchema, response: { 200: coupleStateResponseSchema } } },
    async (request) => putShares(deps, actorOf(request).userId, request.body.scopes),
  );

  app.delete("/api/couple", { config: { access: "signed-in" } }, async (request, reply) => {
    await unlink(deps, actorOf(request).userId);
    return reply.code(204).send();
  });

  app.get("/api/couple/report", { config: { access: "signed-in" }, schema: { response: { 200: coupleReportResponseSchema } } }, async (request) =>
    getCoupleReport(deps, viewerOf(request), requestLanguage(request)),
  );

  app.get("/api/couple/partner/check-ins", { config: { access: "signed-in" }, schema: { response: { 200: partnerCheckInsResponseSchema } } }, async (request) =>
    getPartnerCheckIns(deps, viewerOf(request), requestLanguage(request)),
  );

  app.get(
    "/api/couple/partner/exercises",
    { config: { access: "signed-in" }, schema: { response: { 200: partnerExercisesResponseSchema } } },
    async (request) => getPartnerExercises(deps, viewerOf(request), requestLanguage(request)),
  );
};
