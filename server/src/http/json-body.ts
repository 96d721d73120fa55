import type { FastifyInstance } from "fastify";
import { badRequest } from "./http-errors.js";

/**
 * How deep a JSON request body may nest. Our deepest contract is a few levels (an object of
 * answers inside a body); Better Auth's bodies are flat. A body nested thousands deep parses,
 * but every recursive step after it (JSON.stringify on the way to Better Auth, zod, a logger)
 * can overflow the stack: that was a 500 on /api/auth/* (issue 15, finding 7).
 */
export const maxJsonDepth = 16;

/**
 * True when the JSON text opens more than `max` arrays or objects inside one another. One pass
 * over the characters, skipping strings, so it costs what reading the body costs and needs no stack.
 */
export function nestsDeeperThan(text: string, max: number): boolean {
  let depth = 0;
  let inString = false;
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    if (inString) {
      if (code === 0x5c) index += 1; // a backslash escapes the next character
      else if (code === 0x22) inString = false;
    } else if (code === 0x22) {
      inString = true;
    } else if (code === 0x5b || code === 0x7b) {
      depth += 1;
      if (depth > max) return true;
    } else if (code === 0x5d || code === 0x7d) {
      depth -= 1;
    }
  }
  return false;
}

/**
 * Replaces Fastify's JSON body parser with the same parser behind a depth check, for every route
 * (ours and Better Auth's catch-all alike): a body nested deeper than `maxJsonDepth` is a 400
 * before it is parsed.
 */
export function registerJsonBodyParser(app: FastifyInstance): void {
  const parseJson = app.getDefaultJsonParser("error", "error");
  app.removeContentTypeParser("application/json");
  app.addContentTypeParser("application/json", { parseAs: "string" }, (request, body, done) => {
    const text = body as string;
    if (nestsDeeperThan(text, maxJsonDepth)) {
      done(badRequest("BODY_TOO_DEEP", `A request body may nest at most ${maxJsonDepth} levels.`), undefined);
      return;
    }
    parseJson(request, text, done);
  });
}
