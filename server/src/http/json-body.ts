import type { FastifyInstance } from "fastify";
import { badRequest } from "./http-errors.js";

// Request bodies are JSON in UTF-8, and what is acknowledged must be what is kept (issue 14):
// invalid UTF-8 used to become U+FFFD when decoded, and a lone surrogate ("\ud800") sent as a
// JSON escape became U+FFFD when stored, while the answer said it was saved. Both are refused
// with 400 before any handler runs, as are other charsets and JSON nested deeper than any of our
// contracts (a deep body once overflowed the stack on its way to Better Auth).

/** Deeper than any contract of ours: the deepest request holds an object in an array in an object. */
export const maxJsonDepth = 32;

/** A high surrogate not followed by a low one, or a low one not preceded by a high one. */
const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const isWellFormed = (text: string) => !loneSurrogate.test(text);

const utf8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false });

/** The first problem with a parsed body: a string that is not well-formed Unicode, or too deep a nesting. */
export function jsonBodyProblem(value: unknown): string | null {
  const stack: Array<{ value: unknown; depth: number }> = [{ value, depth: 0 }];
  while (stack.length > 0) {
    const { value: current, depth } = stack.pop() as { value: unknown; depth: number };
    if (typeof current === "string") {
      if (!isWellFormed(current)) return "The request holds text that is not valid Unicode (a lone surrogate).";
      continue;
    }
    if (typeof current !== "object" || current === null) continue;
    if (depth >= maxJsonDepth) return `The request body is nested more than ${maxJsonDepth} levels deep.`;
    for (const [key, inner] of Object.entries(current)) {
      if (!isWellFormed(key)) return "The request holds text that is not valid Unicode (a lone surrogate).";
      stack.push({ value: inner, depth: depth + 1 });
    }
  }
  return null;
}

/** Replaces Fastify's JSON parser with one that refuses what it would silently change. */
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
    parseJson(request, text, (error, parsed) => {
      if (error) return done(error, undefined);
      const problem = jsonBodyProblem(parsed);
      if (problem) return done(badRequest("INVALID_TEXT", problem), undefined);
      done(null, parsed);
    });
  });
}
