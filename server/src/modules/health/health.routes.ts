import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { livenessSchema, readinessSchema } from "@mutual/core";
import type { Database } from "../../db/database.js";
import { checkReadiness } from "./health.service.js";

/** /livez: the process answers. /readyz: the database answers, its schema is current, and a write can commit. */
export const healthRoutes: FastifyPluginAsyncZod<{ database: Database }> = async (app, { database }) => {
  app.get("/livez", { config: { access: "public" }, schema: { response: { 200: livenessSchema } } }, async () => ({
    status: "ok" as const,
  }));

  app.get("/readyz", { config: { access: "public" }, schema: { response: { 200: readinessSchema, 503: readinessSchema } } }, async (request, reply) => {
    const { ready, checks, failure } = await checkReadiness(database, Date.now());
    if (failure !== undefined) request.log.warn({ err: failure }, "Readiness check failed");
    return reply.status(ready ? 200 : 503).send({ status: ready ? "ready" : "unavailable", checks });
  });
};
