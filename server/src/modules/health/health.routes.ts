import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { livenessSchema, readinessSchema, type Readiness } from "@mutual/core";
import type { Database } from "../../db/database.js";
import { pingDatabase } from "../../db/database.js";
import { hasPendingMigrations } from "../../db/migrate.js";

/** /livez: the process answers. /readyz: the database answers and its schema is current. */
export const healthRoutes: FastifyPluginAsyncZod<{ database: Database }> = async (app, { database }) => {
  app.get("/livez", { config: { access: "public" }, schema: { response: { 200: livenessSchema } } }, async () => ({
    status: "ok" as const,
  }));

  app.get(
    "/readyz",
    { config: { access: "public" }, schema: { response: { 200: readinessSchema, 503: readinessSchema } } },
    async (request, reply) => {
      const checks: Readiness["checks"] = { database: "ok", migrations: "unknown" };
      try {
        await pingDatabase(database);
        checks.migrations = (await hasPendingMigrations(database)) ? "pending" : "applied";
      } catch (error) {
        request.log.warn({ err: error }, "Readiness check failed");
        checks.database = "unreachable";
      }
      const ready = checks.database === "ok" && checks.migrations === "applied";
      return reply.status(ready ? 200 : 503).send({ status: ready ? "ready" : "unavailable", checks });
    },
  );
};
