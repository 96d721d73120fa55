import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { dataViewsQuerySchema, dataViewsResponseSchema } from "@mutual/core";
import { actorOf } from "../../http/route-access.js";
import { listViewsOfMyData, type DataViewsDeps } from "./data-views.service.js";

export type DataViewsRoutesOptions = DataViewsDeps;

/** "Who viewed my data": only ever the signed-in person's own record. */
export const dataViewsRoutes: FastifyPluginAsyncZod<DataViewsRoutesOptions> = async (app, deps) => {
  app.get(
    "/api/data-views",
    { config: { access: "signed-in" }, schema: { querystring: dataViewsQuerySchema, response: { 200: dataViewsResponseSchema } } },
    async (request) => listViewsOfMyData(deps, actorOf(request).userId, request.query),
  );
};
