import type { FastifyInstance } from "fastify";
import { badRequest } from "../domain/errors.js";

// Request bodies are JSON in UTF-8, read with checks that refuse what would otherwise be changed
// or break something further on, with 400 before any handler runs:
// - bytes that are not UTF-8, or a body declared in another charset: decoding used to turn them
//   into U+FFFD silently (issue 14);
// - a lone surrogate ("\ud800" as a JSON escape): it became U+FFFD when stored, while the answer
//   said it was saved (issue 14);
// - nesting deeper than `maxJsonDepth`: a body nested thousands deep parses, but every recursive
//   step after it (JSON.stringify on the way to Better Auth, zod, a logger) can overflow the
//   stack; that was a 500 on /api/auth/* (issue 15, finding 7).

/**
 * How deep a JSON request body may nest. Our deepest contract is a few levels (an object of
 * answers inside a body); Better Auth's bodies are flat.
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
      if (code === 0x5c)
        index += 1; // a backslash escapes the next character
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

/** A high surrogate not followed by a low one, or a low one not preceded by a high one. */
const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** True when some string in a parsed body (keys included) holds a lone surrogate. Depth is already bounded. */
export function holdsLoneSurrogate(value: unknown): boolean {
  if (typeof value === "string") return loneSurrogate.test(value);
  if (typeof value !== "object" || value === null) return false;
  return Object.entries(value).some(([key, inner]) => loneSurrogate.test(key) || holdsLoneSurrogate(inner));
}

const utf8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false });

/** Replaces Fastify's JSON body parser, for every route (ours and Better Auth's catch-all alike). */
export function registerJsonBodyParser(app: FastifyInstance): void {
  const parseJson = app.getDefaultJsonParser("error", "error");
  app.removeContentTypeParser("application/json");
  app.addContentTypeParser("application/json", { parseAs: "buffer" }, (request, body, done) => {
    const charset = /;\s*charset\s*=\s*"?([^";\s]+)"?/i.exec(request.headers["content-type"] ?? "")?.[1]?.toLowerCase();
    if (charset !== undefined && charset !== "utf-8" && charset !== "utf8") {
      done(badRequest("UNSUPPORTED_CHARSET", "Send the request body as JSON in UTF-8."), undefined);
      return;
    }
    let text: string;
    try {
      text = utf8.decode(body as Buffer);
    } catch {
      done(badRequest("INVALID_UTF8", "The request body is not valid UTF-8."), undefined);
      return;
    }
    if (nestsDeeperThan(text, maxJsonDepth)) {
      done(badRequest("BODY_TOO_DEEP", `A request body may nest at most ${maxJsonDepth} levels.`), undefined);
      return;
    }
    parseJson(request, text, (error, parsed) => {
      if (error) return done(error, undefined);
      if (holdsLoneSurrogate(parsed))
        return done(badRequest("INVALID_TEXT", "The request holds text that is not valid Unicode (a lone surrogate)."), undefined);
      done(null, parsed);
    });
  });
}
