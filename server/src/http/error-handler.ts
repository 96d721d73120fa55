import type { FastifyError, FastifyInstance, FastifyReply } from "fastify";
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from "fastify-type-provider-zod";
import type { ApiError } from "@mutual/core";
import { storageProblemOf, type StorageProblem } from "../db/storage-health.js";
import { DomainError } from "../domain/errors.js";

/** What a person is told when storage is out (decision 027), and when to try again. */
export const storageOutageAnswers: Record<StorageProblem, { code: string; message: string; retryAfterSeconds: number }> = {
  unreachable: {
    code: "DATABASE_UNAVAILABLE",
    message: "Mutual cannot reach its database just now. Please try again in a moment.",
    retryAfterSeconds: 5,
  },
  full: {
    code: "STORAGE_FULL",
    message: "The server cannot store data right now, so what you sent was not saved. Please try again later.",
    retryAfterSeconds: 60,
  },
  busy: {
    code: "DATABASE_BUSY",
    message: "Mutual is too busy to answer just now. Please try again in a moment.",
    retryAfterSeconds: 2,
  },
};

/** Sends the 503 for a storage outage, with Retry-After. */
export function sendStorageOutage(reply: FastifyReply, problem: StorageProblem) {
  const answer = storageOutageAnswers[problem];
  const body: ApiError = { error: { code: answer.code, message: answer.message } };
  return reply.status(503).header("retry-after", String(answer.retryAfterSeconds)).send(body);
}

/** Messages for the 4xx errors Fastify itself raises; anything else gets a generic one. */
const clientErrorMessages: Record<number, { code: string; message: string }> = {
  400: { code: "BAD_REQUEST", message: "The request could not be read." },
  401: { code: "UNAUTHENTICATED", message: "Please sign in." },
  403: { code: "FORBIDDEN", message: "You do not have access to this." },
  404: { code: "NOT_FOUND", message: "Nothing here." },
  405: { code: "METHOD_NOT_ALLOWED", message: "This method is not allowed here." },
  406: { code: "NOT_ACCEPTABLE", message: "This response format is not available." },
  413: { code: "PAYLOAD_TOO_LARGE", message: "The request body is too large." },
  415: { code: "UNSUPPORTED_MEDIA_TYPE", message: "Send the request body as JSON (Content-Type: application/json)." },
  429: { code: "TOO_MANY_REQUESTS", message: "Too many requests. Please wait a moment and try again." },
};

/**
 * The one error handler: validation errors become 400 with a message per field, other
 * client errors keep their status with a plain message, and every server error becomes
 * a bare 500 whose body reveals nothing but a request id to quote, except a storage outage
 * (database unreachable, disk full, overloaded), which is a 503 with Retry-After.
 */
export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (hasZodFastifySchemaValidationErrors(error)) {
      const fields = error.validation.map((issue) => ({
        path: [error.validationContext, ...issue.instancePath.split("/").filter(Boolean)].filter(Boolean).join("."),
        message: issue.message ?? "Invalid value.",
      }));
      const body: ApiError = {
        error: { code: "VALIDATION_FAILED", message: "Some fields need attention.", fields },
      };
      return reply.status(400).send(body);
    }
    // Our own client errors carry their code and message: written to be shown as they are.
    if ((error as unknown) instanceof DomainError) {
      const known = error as unknown as DomainError;
      const body: ApiError = { error: { code: known.code, message: known.message, ...(known.fields ? { fields: known.fields } : {}) } };
      return reply.status(known.statusCode).send(body);
    }
    const status = error.statusCode ?? 500;
    if (status >= 400 && status < 500 && !isResponseSerializationError(error)) {
      const known = clientErrorMessages[status] ?? { code: "BAD_REQUEST", message: "The request could not be handled." };
      // Fastify's own messages for malformed JSON and the like are safe and more useful.
      const message = error.code?.startsWith("FST_") && status === 400 ? error.message : known.message;
      const body: ApiError = { error: { code: known.code, message } };
      return reply.status(status).send(body);
    }
    // The database is out of reach, the disk is full, or the database is overloaded: not a bug
    // in the request, and not something to hide behind a bare 500. The real cause is logged.
    const problem = storageProblemOf(error);
    if (problem) {
      request.log.error({ err: error, storage: problem }, "Storage unavailable");
      return sendStorageOutage(reply, problem);
    }
    request.log.error({ err: error }, "Request failed");
    const body: ApiError = {
      error: { code: "INTERNAL", message: "Something went wrong on our side. Please try again.", requestId: request.id },
    };
    return reply.status(500).send(body);
  });
}

/**
 * Unknown routes: a JSON 404 for the API; for a page request, the SPA's page, so
 * client-side routes survive a reload (the SPA shows its own "not found").
 */
export function registerNotFoundHandler(app: FastifyInstance, options: { pageHtml: string | null }): void {
  app.setNotFoundHandler((request, reply) => {
    const wantsPage =
      options.pageHtml !== null &&
      (request.method === "GET" || request.method === "HEAD") &&
      !request.url.startsWith("/api/") &&
      (request.headers.accept ?? "").includes("text/html");
    if (wantsPage) {
      return reply.type("text/html; charset=utf-8").header("cache-control", "no-cache").send(options.pageHtml);
    }
    const body: ApiError = { error: { code: "NOT_FOUND", message: `No route for ${request.method} ${request.url.split("?")[0]}.` } };
    return reply.status(404).send(body);
  });
}
