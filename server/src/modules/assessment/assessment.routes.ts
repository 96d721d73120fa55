import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import {
  assessmentAnswerParamsSchema,
  assessmentIdParamsSchema,
  currentAssessmentResponseSchema,
  saveAnswerRequestSchema,
  saveAnswerResponseSchema,
  startAssessmentResponseSchema,
  submitAssessmentResponseSchema,
} from "@mutual/core";
import type { Database } from "../../db/database.js";
import { requestLanguage } from "../../http/request-language.js";
import { actorOf } from "../../http/route-access.js";
import type { Clock } from "../../platform/clock.js";
import { discardAssessment, getCurrentAssessment, saveAnswer, startAssessment, submitAssessment } from "./assessment.service.js";

export type AssessmentRoutesOptions = { database: Database; clock: Clock };

/** Taking the Interdependence Profile: start or resume, save each answer at once, submit or discard. */
export const assessmentRoutes: FastifyPluginAsyncZod<AssessmentRoutesOptions> = async (app, { database, clock }) => {
  const deps = { db: database.db, clock };
  const access = { access: "signed-in" as const };

  app.get("/api/assessments/current", { config: access, schema: { response: { 200: currentAssessmentResponseSchema } } }, async (request) =>
    getCurrentAssessment(deps, actorOf(request).userId, requestLanguage(request)),
  );

  app.post("/api/assessments", { config: access, schema: { response: { 200: startAssessmentResponseSchema } } }, async (request) =>
    startAssessment(deps, actorOf(request).userId, requestLanguage(request)),
  );

  app.put(
    "/api/assessments/:id/answers/:itemId",
    { config: access, schema: { params: assessmentAnswerParamsSchema, body: saveAnswerRequestSchema, response: { 200: saveAnswerResponseSchema } } },
    async (request) => saveAnswer(deps, actorOf(request).userId, request.params.id, request.params.itemId, request.body.value, requestLanguage(request)),
  );

  app.post(
    "/api/assessments/:id/submit",
    { config: access, schema: { params: assessmentIdParamsSchema, response: { 200: submitAssessmentResponseSchema } } },
    async (request) => submitAssessment(deps, actorOf(request).userId, request.params.id),
  );

  app.delete("/api/assessments/:id", { config: access, schema: { params: assessmentIdParamsSchema } }, async (request, reply) => {
    await discardAssessment(deps, actorOf(request).userId, request.params.id);
    return reply.status(204).send();
  });
};
