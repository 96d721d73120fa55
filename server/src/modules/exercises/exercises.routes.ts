import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import {
  createCompletionBodySchema,
  exerciseCompletionListResponseSchema,
  exerciseCompletionSchema,
  exerciseListResponseSchema,
  exerciseParamsSchema,
} from "@mutual/core";
import { requestLanguage } from "../../http/request-language.js";
import { actorOf } from "../../http/route-access.js";
import { completionOwnerOf } from "./exercises.policy.js";
import { completeExercise, listExerciseCompletions, listExercises, type ExercisesDeps } from "./exercises.service.js";

export type ExercisesRoutesOptions = ExercisesDeps;

/** Guided exercises of the three practices; completions and reflections are the owner's alone. */
export const exercisesRoutes: FastifyPluginAsyncZod<ExercisesRoutesOptions> = async (app, deps) => {
  app.get("/api/exercises", { config: { access: "signed-in" }, schema: { response: { 200: exerciseListResponseSchema } } }, async (request) =>
    listExercises(deps, completionOwnerOf(actorOf(request)), requestLanguage(request)),
  );

  app.post(
    "/api/exercises/:exerciseId/completions",
    {
      config: { access: "signed-in" },
      schema: {
        params: exerciseParamsSchema,
        body: createCompletionBodySchema,
        headers: z.object({ "idempotency-key": z.string().optional() }).passthrough(),
        response: { 201: exerciseCompletionSchema },
      },
    },
    async (request, reply) => {
      const completion = await completeExercise(
        deps,
        completionOwnerOf(actorOf(request)),
        request.params.exerciseId,
        request.body.reflection,
        request.headers["idempotency-key"],
      );
      return reply.status(201).send(completion);
    },
  );

  app.get(
    "/api/exercises/:exerciseId/completions",
    { config: { access: "signed-in" }, schema: { params: exerciseParamsSchema, response: { 200: exerciseCompletionListResponseSchema } } },
    async (request) => listExerciseCompletions(deps, completionOwnerOf(actorOf(request)), request.params.exerciseId),
  );
};
