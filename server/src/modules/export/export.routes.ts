import { Readable } from "node:stream";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { dataExportSchema, fhirExportBundleSchema, type DataExport } from "@mutual/core";
import type { Database } from "../../db/database.js";
import { requestLanguage } from "../../http/request-language.js";
import { actorOf } from "../../http/route-access.js";
import type { Clock } from "../../platform/clock.js";
import type { Keyring } from "../../platform/crypto.js";
import { exportPersonData, exportPersonFhir } from "./export.service.js";

/** `fhirBase`: the deployment's canonical FHIR base, from PUBLIC_URL. */
export type ExportRoutesOptions = { database: Database; kek: Keyring; clock: Clock; fhirBase: string };

/** The person downloads everything of theirs: JSON, or a FHIR R4 Bundle of their profiles. */
export const exportRoutes: FastifyPluginAsyncZod<ExportRoutesOptions> = async (app, { database, kek, clock, fhirBase }) => {
  const deps = { db: database.db, kek, clock, fhirBase };

  app.get("/api/export", { config: { access: "signed-in" }, schema: { response: { 200: dataExportSchema } } }, async (request, reply) => {
    // Sent as it is read (decision 069): the text the schema's serializer would make, in parts.
    const parts = await exportPersonData(deps, actorOf(request), requestLanguage(request));
    // Decrypted notes: never kept by a shared cache or the browser's disk cache.
    return (
      reply
        .type("application/json; charset=utf-8")
        .header("content-disposition", 'attachment; filename="mutual-export.json"')
        .header("cache-control", "no-store")
        // The schema stays the contract of the body (docs, clients); Fastify sends a stream as it is, unserialized.
        .send(Readable.from(parts) as unknown as DataExport)
    );
  });

  app.get("/api/export/fhir", { config: { access: "signed-in" }, schema: { response: { 200: fhirExportBundleSchema } } }, async (request, reply) => {
    const bundle = await exportPersonFhir(deps, actorOf(request));
    return reply
      .type("application/fhir+json; charset=utf-8")
      .header("content-disposition", 'attachment; filename="mutual-export.fhir.json"')
      .header("cache-control", "no-store")
      .send(bundle);
  });
};
