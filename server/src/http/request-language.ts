import type { FastifyRequest } from "fastify";
import { languageFromAcceptLanguage, type Language } from "@mutual/core";

/**
 * The language the server's own words take in the answer to this request (decision 076): the web
 * app sends the page's language as `Accept-Language`, so a person sees flags, names and help in the
 * language the rest of the page is in; any other client gets its browser's choice, or English.
 * What the server sends later, with no request (emails, reminders), follows the person's stored
 * choice instead (`getPreferredLanguage`).
 */
export function requestLanguage(request: FastifyRequest): Language {
  return languageFromAcceptLanguage(request.headers["accept-language"]);
}
