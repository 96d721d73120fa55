import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { meResponseSchema } from "@mutual/core";
import { actorOf } from "../../http/route-access.js";
import { presentMe } from "./me.presenter.js";

/** GET /api/me: who is signed in. Only ever the caller's own record. */
export const meRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get("/api/me", { config: { access: "signed-in" }, schema: { response: { 200: meResponseSchema } } }, async (request) => presentMe(actorOf(request)));
};
