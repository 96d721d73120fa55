import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import {
  assignIntakeBodySchema,
  confirmCounsellingRequestBodySchema,
  counsellingRequestParamsSchema,
  createCounsellingRequestBodySchema,
  declineIntakeBodySchema,
  directoryQuerySchema,
  directoryResponseSchema,
  intakeParamsSchema,
  intakeResponseSchema,
  myCounsellingRequestsResponseSchema,
  practiceIdParamsSchema,
  practiceListingResponseSchema,
  putListingBodySchema,
} from "@mutual/core";
import { z } from "zod";
import { actorOf } from "../../http/route-access.js";
import {
  acceptIntakeRequest,
  assignIntakeRequest,
  confirmRequest,
  createRequest,
  declineIntakeRequest,
  getListing,
  listIntakeRequests,
  listMyRequests,
  putListing,
  readDirectory,
  removeListing,
  withdrawRequest,
  type CounsellingDirectoryDeps,
} from "./counselling-directory.service.js";

const emptyBodySchema = z.object({}).strict();

/**
 * The directory of practices (decision 054): anyone reads it; a practice's owner lists and
 * unlists it; its members read their listing.
 */
export const directoryRoutes: FastifyPluginAsyncZod<CounsellingDirectoryDeps> = async (app, deps) => {
  app.get(
    "/api/directory",
    { config: { access: "public" }, schema: { querystring: directoryQuerySchema, response: { 200: directoryResponseSchema } } },
    async (request) => readDirectory(deps, request.query),
  );
  app.get(
    "/api/practices/:practiceId/listing",
    { config: { access: "signed-in" }, schema: { params: practiceIdParamsSchema, response: { 200: practiceListingResponseSchema } } },
    async (request) => getListing(deps, actorOf(request), request.params.practiceId),
  );
  app.put(
    "/api/practices/:practiceId/listing",
    {
      config: { access: "signed-in" },
      schema: { params: practiceIdParamsSchema, body: putListingBodySchema, response: { 200: practiceListingResponseSchema } },
    },
    async (request) => putListing(deps, actorOf(request), request.params.practiceId, request.body),
  );
  app.delete("/api/practices/:practiceId/listing", { config: { access: "signed-in" }, schema: { params: practiceIdParamsSchema } }, async (request, reply) => {
    await removeListing(deps, actorOf(request), request.params.practiceId);
    return reply.code(204).send();
  });
};

/** A person's requests for counselling (decision 055): only ever the caller's own, or their partner's for both of them. */
export const counsellingRequestsRoutes: FastifyPluginAsyncZod<CounsellingDirectoryDeps> = async (app, deps) => {
  app.get(
    "/api/counselling-requests",
    { config: { access: "signed-in" }, schema: { response: { 200: myCounsellingRequestsResponseSchema } } },
    async (request) => listMyRequests(deps, actorOf(request).userId),
  );
  app.post(
    "/api/counselling-requests",
    { config: { access: "signed-in" }, schema: { body: createCounsellingRequestBodySchema, response: { 201: myCounsellingRequestsResponseSchema } } },
    async (request, reply) => reply.code(201).send(await createRequest(deps, actorOf(request).userId, request.body)),
  );
  app.post(
    "/api/counselling-requests/:requestId/confirm",
    {
      config: { access: "signed-in" },
      schema: { params: counsellingRequestParamsSchema, body: confirmCounsellingRequestBodySchema, response: { 200: myCounsellingRequestsResponseSchema } },
    },
    async (request) => confirmRequest(deps, actorOf(request).userId, request.params.requestId, request.body.scopes),
  );
  app.post(
    "/api/counselling-requests/:requestId/withdraw",
    {
      config: { access: "signed-in" },
      schema: { params: counsellingRequestParamsSchema, body: emptyBodySchema, response: { 200: myCounsellingRequestsResponseSchema } },
    },
    async (request) => withdrawRequest(deps, actorOf(request).userId, request.params.requestId),
  );
};

/** The practice's intake list (decision 055): members only (404), with two-step sign-in (403). */
export const intakeRoutes: FastifyPluginAsyncZod<CounsellingDirectoryDeps> = async (app, deps) => {
  app.get(
    "/api/practices/:practiceId/intake",
    { config: { access: "signed-in" }, schema: { params: practiceIdParamsSchema, response: { 200: intakeResponseSchema } } },
    async (request) => listIntakeRequests(deps, actorOf(request), request.params.practiceId),
  );
  app.post(
    "/api/practices/:practiceId/intake/:requestId/assign",
    { config: { access: "signed-in" }, schema: { params: intakeParamsSchema, body: assignIntakeBodySchema, response: { 200: intakeResponseSchema } } },
    async (request) => assignIntakeRequest(deps, actorOf(request), request.params.practiceId, request.params.requestId, request.body.memberId),
  );
  app.post(
    "/api/practices/:practiceId/intake/:requestId/accept",
    { config: { access: "signed-in" }, schema: { params: intakeParamsSchema, body: emptyBodySchema, response: { 200: intakeResponseSchema } } },
    async (request) => acceptIntakeRequest(deps, actorOf(request), request.params.practiceId, request.params.requestId),
  );
  app.post(
    "/api/practices/:practiceId/intake/:requestId/decline",
    { config: { access: "signed-in" }, schema: { params: intakeParamsSchema, body: declineIntakeBodySchema, response: { 200: intakeResponseSchema } } },
    async (request) => declineIntakeRequest(deps, actorOf(request), request.params.practiceId, request.params.requestId, request.body.message),
  );
};
