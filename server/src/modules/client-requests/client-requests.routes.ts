import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import {
  clientRequestParamsSchema,
  counsellorRequestsResponseSchema,
  createClientRequestBodySchema,
  openRequestsResponseSchema,
  ownRequestParamsSchema,
} from "@mutual/core";
import { actorOf } from "../../http/route-access.js";
import { presentCounsellorRequests, presentOpenRequests } from "./client-requests.presenter.js";
import { createClientRequests, declineRequest, listCounsellorRequests, listMyOpenRequests, type ClientRequestsDeps } from "./client-requests.service.js";

/**
 * A counsellor's requests of their own client (two-step sign-in, their client in that practice),
 * and the client's own open requests, which only they can decline.
 */
export const clientRequestsRoutes: FastifyPluginAsyncZod<ClientRequestsDeps> = async (app, deps) => {
  app.post(
    "/api/practices/:practiceId/clients/:clientId/requests",
    {
      config: { access: "signed-in" },
      schema: { params: clientRequestParamsSchema, body: createClientRequestBodySchema, response: { 201: counsellorRequestsResponseSchema } },
    },
    async (request, reply) => {
      const { practiceId, clientId } = request.params;
      return reply.status(201).send(presentCounsellorRequests(await createClientRequests(deps, actorOf(request), practiceId, clientId, request.body)));
    },
  );
  app.get(
    "/api/practices/:practiceId/clients/:clientId/requests",
    { config: { access: "signed-in" }, schema: { params: clientRequestParamsSchema, response: { 200: counsellorRequestsResponseSchema } } },
    async (request) => presentCounsellorRequests(await listCounsellorRequests(deps, actorOf(request), request.params.practiceId, request.params.clientId)),
  );
  app.get("/api/requests", { config: { access: "signed-in" }, schema: { response: { 200: openRequestsResponseSchema } } }, async (request) =>
    presentOpenRequests(await listMyOpenRequests(deps, actorOf(request).userId)),
  );
  app.post(
    "/api/requests/:requestId/decline",
    { config: { access: "signed-in" }, schema: { params: ownRequestParamsSchema, body: z.object({}).strict() } },
    async (request, reply) => {
      await declineRequest(deps, actorOf(request).userId, request.params.requestId);
      return reply.code(204).send();
    },
  );
};
