// Drive the profile API the way the web app does: consent, start, answer, submit.
import type { FastifyInstance } from "fastify";
import { CONSENT_NOTICE_VERSION, INTERDEPENDENCE_PROFILE_V1 } from "@mutual/core";

import { sameOrigin as origin } from "./auth-helpers.js";

export async function giveConsentVia(app: FastifyInstance, cookie: string): Promise<void> {
  const response = await app.inject({
    method: "POST",
    url: "/api/consent",
    headers: { ...origin, cookie },
    payload: { noticeVersion: CONSENT_NOTICE_VERSION, agree: true },
  });
  if (response.statusCode !== 200) throw new Error(`consent failed: ${response.statusCode} ${response.body}`);
}

/** The page's language as the web app sends it (decision 076); none means English. */
const languageHeader = (language: string | undefined): Record<string, string> => (language === undefined ? {} : { "accept-language": language });

export async function startVia(app: FastifyInstance, cookie: string, language?: string) {
  return app.inject({ method: "POST", url: "/api/assessments", headers: { ...origin, cookie, ...languageHeader(language) }, payload: {} });
}

export async function saveVia(app: FastifyInstance, cookie: string, assessmentId: string, itemId: string, value: unknown, language?: string) {
  return app.inject({
    method: "PUT",
    url: `/api/assessments/${assessmentId}/answers/${itemId}`,
    headers: { ...origin, cookie, ...languageHeader(language) },
    payload: { value },
  });
}

export async function submitVia(app: FastifyInstance, cookie: string, assessmentId: string) {
  return app.inject({ method: "POST", url: `/api/assessments/${assessmentId}/submit`, headers: { ...origin, cookie }, payload: {} });
}

/** Every item answered: `valueOf(itemId)` or 4 (the midpoint). */
export function fullAnswers(valueOf: (itemId: string, isSafe: boolean) => number = () => 4): Record<string, number> {
  return Object.fromEntries(INTERDEPENDENCE_PROFILE_V1.items.map((entry) => [entry.id, valueOf(entry.id, entry.dimension === "SAFE")]));
}

/** Consent (if asked), start, answer everything, submit; returns the assessment id. */
export async function completeProfileVia(
  app: FastifyInstance,
  cookie: string,
  answers: Record<string, number> = fullAnswers(),
  options: { consent?: boolean; language?: string } = {},
): Promise<string> {
  if (options.consent ?? true) await giveConsentVia(app, cookie);
  const started = await startVia(app, cookie, options.language);
  if (started.statusCode !== 200) throw new Error(`start failed: ${started.statusCode} ${started.body}`);
  const id = started.json<{ id: string }>().id;
  for (const [itemId, value] of Object.entries(answers)) {
    const saved = await saveVia(app, cookie, id, itemId, value, options.language);
    if (saved.statusCode !== 200) throw new Error(`save failed: ${saved.statusCode} ${saved.body}`);
  }
  const submitted = await submitVia(app, cookie, id);
  if (submitted.statusCode !== 200) throw new Error(`submit failed: ${submitted.statusCode} ${submitted.body}`);
  return id;
}
