import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { practiceDetailResponseSchema, practiceIdParamsSchema, practicesResponseSchema } from "@mutual/core";
import { actorOf } from "../../http/route-access.js";
import { getPracticeDetail, listMyPractices, type PracticeDeps } from "./practice.service.js";

export type PracticeRoutesOptions = PracticeDeps;

/**
 * Reads of practices for their members. Creating a practice, inviting, accepting and changing
 * or removing members go through Better Auth's organization endpoints (decision 014).
 */
export const practiceRoutes: FastifyPluginAsyncZod<PracticeRoutesOptions> = async (app, deps) => {
  app.get("/api/practices", { config: { access: "signed-in" }, schema: { response: { 200: practicesResponseSchema } } }, async (request) =>
    listMyPractices(deps, actorOf(request)),
  );

  app.get(
    "/api/practices/:practiceId",
    { config: { access: "signed-in" }, schema: { params: practiceIdParamsSchema, response: { 200: practiceDetailResponseSchema } } },
    async (request) => getPracticeDetail(deps, actorOf(request), request.params.practiceId),
  );
};
