import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import {
  clientInviteParamsSchema,
  clientInvitesResponseSchema,
  createClientInviteBodySchema,
  createClientInviteResponseSchema,
  pageQuerySchema,
  practiceClientsResponseSchema,
  practiceIdParamsSchema,
} from "@mutual/core";
import { actorOf } from "../../http/route-access.js";
import { cancelMyClientInvite, createClientInvite, listMyClientInvites, listMyClients, type CounsellingDeps } from "./counselling.service.js";

export type PracticeClientsRoutesOptions = CounsellingDeps;

/**
 * The counsellor's side (decision 015): invite a client, see and cancel my pending invites, list
 * my clients, both lists one page at a time (decision 040). Practice members only (404 to others); clients need two-step sign-in (403).
 */
export const practiceClientsRoutes: FastifyPluginAsyncZod<PracticeClientsRoutesOptions> = async (app, deps) => {
  app.post(
    "/api/practices/:practiceId/client-invites",
    {
      config: { access: "signed-in" },
      schema: { params: practiceIdParamsSchema, body: createClientInviteBodySchema, response: { 201: createClientInviteResponseSchema } },
    },
    async (request, reply) => reply.code(201).send(await createClientInvite(deps, actorOf(request), request.params.practiceId, request.body.kind)),
  );

  app.get(
    "/api/practices/:practiceId/client-invites",
    {
      config: { access: "signed-in" },
      schema: { params: practiceIdParamsSchema, querystring: pageQuerySchema, response: { 200: clientInvitesResponseSchema } },
    },
    async (request) => listMyClientInvites(deps, actorOf(request), request.params.practiceId, request.query),
  );

  app.delete(
    "/api/practices/:practiceId/client-invites/:inviteId",
    { config: { access: "signed-in" }, schema: { params: clientInviteParamsSchema } },
    async (request, reply) => {
      await cancelMyClientInvite(deps, actorOf(request), request.params.practiceId, request.params.inviteId);
      return reply.code(204).send();
    },
  );

  app.get(
    "/api/practices/:practiceId/clients",
    {
      config: { access: "signed-in" },
      schema: { params: practiceIdParamsSchema, querystring: pageQuerySchema, response: { 200: practiceClientsResponseSchema } },
    },
    async (request) => listMyClients(deps, actorOf(request), request.params.practiceId, request.query),
  );
};
