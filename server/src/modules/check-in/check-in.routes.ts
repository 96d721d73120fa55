import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { checkInListResponseSchema, currentCheckInQuerySchema, currentCheckInResponseSchema, putCheckInBodySchema, timeZoneSchema } from "@mutual/core";
import { requestLanguage } from "../../http/request-language.js";
import { actorOf } from "../../http/route-access.js";
import { checkInOwnerOf } from "./check-in.policy.js";
import { getCurrentCheckIn, listCheckInWeeks, putCurrentCheckIn, type CheckInDeps } from "./check-in.service.js";

export type CheckInRoutesOptions = CheckInDeps;

/** Weekly check-ins: owner-only; the week is computed in the time zone the person's device sends. */
export const checkInRoutes: FastifyPluginAsyncZod<CheckInRoutesOptions> = async (app, deps) => {
  app.get(
    "/api/check-ins/current",
    { config: { access: "signed-in" }, schema: { querystring: currentCheckInQuerySchema, response: { 200: currentCheckInResponseSchema } } },
    async (request) => getCurrentCheckIn(deps, checkInOwnerOf(actorOf(request)), request.query.timeZone),
  );

  app.put(
    "/api/check-ins/current",
    {
      config: { access: "signed-in" },
      schema: {
        body: putCheckInBodySchema,
        headers: z.object({ "idempotency-key": z.string().optional() }).passthrough(),
        response: { 200: currentCheckInResponseSchema },
      },
    },
    async (request) =>
      putCurrentCheckIn(deps, checkInOwnerOf(actorOf(request)), {
        timeZone: request.body.timeZone,
        answers: request.body.answers,
        idempotencyKey: request.headers["idempotency-key"],
        language: requestLanguage(request),
      }),
  );

  app.get(
    "/api/check-ins",
    {
      config: { access: "signed-in" },
      schema: { querystring: z.object({ timeZone: timeZoneSchema.optional() }), response: { 200: checkInListResponseSchema } },
    },
    async (request) => listCheckInWeeks(deps, checkInOwnerOf(actorOf(request)), request.query.timeZone, requestLanguage(request)),
  );
};
