import type { FastifyServerOptions } from "fastify";
import type { Config } from "../config.js";

const emailPattern = /[^\s@<>"'(),;:]+@[^\s@<>"'(),;:]+\.[^\s@<>"'(),;:]+/g;

/** Replaces anything that looks like an email address; used on free-text log messages. */
export function scrubText(text: string): string {
  return text.replace(emailPattern, "[email]");
}

// Paths pino blanks out wherever they appear in a log object. Request bodies are never
// logged; these catch objects that a library or a future log line might pass along.
const redactedPaths = [
  "req.headers.cookie",
  "req.headers.authorization",
  'res.headers["set-cookie"]',
  "password",
  "*.password",
  "newPassword",
  "*.newPassword",
  "currentPassword",
  "*.currentPassword",
  "token",
  "*.token",
  "email",
  "*.email",
  "secret",
  "*.secret",
];

/** Pino options for Fastify: JSON lines, secrets and personal data redacted, no query strings. */
export function createLoggerOptions(config: Pick<Config, "logLevel">): FastifyServerOptions["logger"] {
  return {
    level: config.logLevel,
    redact: { paths: redactedPaths, censor: "[redacted]" },
    serializers: {
      req(request) {
        // Query strings can carry tokens (email verification links), so only the path is kept.
        return { method: request.method, url: request.url.split("?")[0], id: request.id };
      },
      res(reply) {
        return { statusCode: reply.statusCode };
      },
    },
  };
}
