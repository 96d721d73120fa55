import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { clientDetailParamsSchema, clientDetailResponseSchema, dashboardQuerySchema, dashboardResponseSchema, practiceIdParamsSchema } from "@mutual/core";
import { requestLanguage } from "../../http/request-language.js";
import { actorOf } from "../../http/route-access.js";
import { getClientDetail, getDashboard, type DashboardDeps } from "./dashboard.service.js";

export type DashboardRoutesOptions = DashboardDeps;

/**
 * The counsellor's dashboard and a client's detail (decision 016). Practice members only (404 to
 * others), two-step sign-in on (403), and only the actor's own clients within what each shares now.
 */
export const dashboardRoutes: FastifyPluginAsyncZod<DashboardRoutesOptions> = async (app, deps) => {
  app.get(
    "/api/practices/:practiceId/dashboard",
    {
      config: { access: "signed-in" },
      schema: { params: practiceIdParamsSchema, querystring: dashboardQuerySchema, response: { 200: dashboardResponseSchema } },
    },
    async (request) => getDashboard(deps, actorOf(request), request.params.practiceId, request.query),
  );

  app.get(
    "/api/practices/:practiceId/clients/:clientId",
    { config: { access: "signed-in" }, schema: { params: clientDetailParamsSchema, response: { 200: clientDetailResponseSchema } } },
    async (request) => getClientDetail(deps, actorOf(request), request.params.practiceId, request.params.clientId, requestLanguage(request)),
  );
};
