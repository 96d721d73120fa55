import { Readable } from "node:stream";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { fhirExportBundleSchema, clientExportParamsSchema, practiceIdParamsSchema } from "@mutual/core";
import { requestLanguage } from "../../http/request-language.js";
import { actorOf } from "../../http/route-access.js";
import { exportClientCsv, exportClientFhir, exportPracticeScoresCsv, type ClientExportsDeps } from "./client-exports.service.js";

const csvType = "text/csv; charset=utf-8; header=present";

/**
 * A counsellor's exports of their own clients' consented data (decision 017). File names hold
 * no personal data; nothing is kept by a cache.
 */
export const clientExportsRoutes: FastifyPluginAsyncZod<ClientExportsDeps> = async (app, deps) => {
  app.get(
    "/api/practices/:practiceId/clients/:clientId/export.fhir.json",
    { config: { access: "signed-in" }, schema: { params: clientExportParamsSchema, response: { 200: fhirExportBundleSchema } } },
    async (request, reply) => {
      const bundle = await exportClientFhir(deps, actorOf(request), request.params.practiceId, request.params.clientId);
      return reply
        .type("application/fhir+json; charset=utf-8")
        .header("content-disposition", 'attachment; filename="mutual-client-export.fhir.json"')
        .header("cache-control", "no-store")
        .send(bundle);
    },
  );

  app.get(
    "/api/practices/:practiceId/clients/:clientId/export.csv",
    { config: { access: "signed-in" }, schema: { params: clientExportParamsSchema } },
    async (request, reply) => {
      const csv = await exportClientCsv(deps, actorOf(request), request.params.practiceId, request.params.clientId, requestLanguage(request));
      return reply.type(csvType).header("content-disposition", 'attachment; filename="mutual-client-export.csv"').header("cache-control", "no-store").send(csv);
    },
  );

  app.get("/api/practices/:practiceId/export.csv", { config: { access: "signed-in" }, schema: { params: practiceIdParamsSchema } }, async (request, reply) => {
    // Sent as it is read (decision 042): a large practice's file never sits whole in memory.
    const parts = await exportPracticeScoresCsv(deps, actorOf(request), request.params.practiceId);
    return reply
      .type(csvType)
      .header("content-disposition", 'attachment; filename="mutual-practice-scores.csv"')
      .header("cache-control", "no-store")
      .send(Readable.from(parts));
  });
};
