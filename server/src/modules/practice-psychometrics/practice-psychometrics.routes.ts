import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { practiceIdParamsSchema, practicePsychometricsResponseSchema } from "@mutual/core";
import { actorOf } from "../../http/route-access.js";
import { getPracticePsychometrics, type PracticePsychometricsDeps } from "./practice-psychometrics.service.js";

/** The instrument on the practice's own clients, for its owners and admins (decision 017). */
export const practicePsychometricsRoutes: FastifyPluginAsyncZod<PracticePsychometricsDeps> = async (app, deps) => {
  app.get(
    "/api/practices/:practiceId/psychometrics",
    { config: { access: "signed-in" }, schema: { params: practiceIdParamsSchema, response: { 200: practicePsychometricsResponseSchema } } },
    async (request, reply) => {
      const body = await getPracticePsychometrics(deps, actorOf(request), request.params.practiceId);
      return reply.header("cache-control", "no-store").send(body);
    },
  );
};
