import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { helpResourcesResponseSchema } from "@mutual/core";
import { requestLanguage } from "../../http/request-language.js";
import { loadHelpResources } from "./help-resources.file.js";

export type HelpRoutesOptions = {
  /** The operator's resources file; the shipped Singapore defaults when undefined. */
  resourcesPath: string | undefined;
};

/**
 * GET /api/help/resources: public, because someone in trouble must reach help without an
 * account or a session. The file is validated while the app is built, so a bad file stops
 * start-up instead of failing the page a person needs most. Names, descriptions and hours come in the
 * page's language where the file gives it (decision 083), in English otherwise.
 */
export const helpRoutes: FastifyPluginAsyncZod<HelpRoutesOptions> = async (app, options) => {
  const resources = loadHelpResources(options.resourcesPath);
  app.get(
    "/api/help/resources",
    { config: { access: "public" }, schema: { response: { 200: helpResourcesResponseSchema } } },
    async (request) => resources[requestLanguage(request)],
  );
};
