// Completed answers → FHIR R4 QuestionnaireResponse.
import type { Instrument } from "../instrument/instrument-types.js";
import type { ProfileAnswers } from "../instrument/profile-answers.js";
import { readValidAnswer } from "../instrument/read-answer.js";
import { scoreProfile } from "../scoring/score-profile.js";
import type { DimensionScore } from "../scoring/score-types.js";
import { buildAnswerCoding } from "./export-questionnaire.js";
import { buildFhirUrls, DEFAULT_FHIR_BASE } from "./fhir-constants.js";
import type { FhirQuestionnaireResponse, FhirQuestionnaireResponseItem, FhirReference } from "./fhir-r4-types.js";
import { buildScoreExpressions } from "./score-expressions.js";

export type ResponseExportOptions = {
  base?: string;
  authored?: string;
  subject?: FhirReference;
  /** Default: "completed" when every exported question has a valid answer, else "in-progress". */
  status?: FhirQuestionnaireResponse["status"];
  /** SAFE answers leave only when the owner exports their own data; never in anything a partner sees. */
  includeSafetyScreen: boolean;
  /** Add our computed scores as answers to the score items (default true). */
  includeScores?: boolean;
};

/** Export one person's answers as an R4 QuestionnaireResponse. */
export function exportQuestionnaireResponse(instrument: Instrument, answers: ProfileAnswers, options: ResponseExportOptions): FhirQuestionnaireResponse {
  const base = options.base ?? DEFAULT_FHIR_BASE;
  const urls = buildFhirUrls(base, instrument.id);
  const item: FhirQuestionnaireResponseItem[] = [];
  let unanswered = 0;
  for (const entry of instrument.items) {
    if (entry.dimension === "SAFE" && !options.includeSafetyScreen) continue;
    // Invalid values (off the scale, fractional) are left out like skips: they would not be valid codes.
    const answer = readValidAnswer(instrument, answers, entry.id);
    if (answer === undefined) {
      unanswered += 1;
      continue;
    }
    item.push({ linkId: entry.id, text: entry.text, answer: [{ valueCoding: buildAnswerCoding(instrument, entry, answer, base) }] });
  }
  if (options.includeScores ?? true) {
    const profile = scoreProfile(instrument, answers);
    const byKey: Record<string, DimensionScore | { status: string; score?: number }> = {
      ...profile.dimensions,
      SUPPORT_GIVING: profile.subscales.giving,
      SUPPORT_RECEIVING: profile.subscales.receiving,
      WE: profile.we,
      ME: profile.me,
      CODEPENDENCY: profile.codependency,
    };
    for (const score of buildScoreExpressions(instrument)) {
      const value = byKey[score.key];
      if (value?.status === "scored" && "score" in value && value.score !== undefined) {
        item.push({ linkId: score.linkId, text: score.text, answer: [{ valueDecimal: value.score }] });
      }
    }
  }
  const response: FhirQuestionnaireResponse = {
    resourceType: "QuestionnaireResponse",
    questionnaire: `${urls.questionnaire}|${instrument.version}`,
    status: options.status ?? (unanswered === 0 ? "completed" : "in-progress"),
    item,
  };
  if (options.authored !== undefined) response.authored = options.authored;
  if (options.subject !== undefined) response.subject = options.subject;
  return response;
}
