// Instrument → FHIR R4 Questionnaire with SDC item weights and calculated scores.
import type { Instrument, ProfileItem } from "../instrument/instrument-types.js";
import { keyAnswer } from "../instrument/instrument-lookup.js";
import { buildFhirUrls, CALCULATED_EXPRESSION_URL, DEFAULT_FHIR_BASE, ITEM_WEIGHT_URL } from "./fhir-constants.js";
import type { FhirCoding, FhirQuestionnaire, FhirQuestionnaireAnswerOption, FhirQuestionnaireItem } from "./fhir-r4-types.js";
import { buildScoreExpressions } from "./score-expressions.js";

export type FhirExportOptions = { base?: string };

/** The coding (with its keyed itemWeight) for one answer to one item. */
export function buildAnswerCoding(instrument: Instrument, entry: ProfileItem, answer: number, base: string = DEFAULT_FHIR_BASE): FhirCoding {
  const urls = buildFhirUrls(base, instrument.id);
  const point = instrument.scale.points.find((candidate) => candidate.value === answer);
  const coding: FhirCoding = {
    system: urls.scaleSystem,
    code: String(answer),
    extension: [{ url: ITEM_WEIGHT_URL, valueDecimal: keyAnswer(entry, answer, instrument.scale.min, instrument.scale.max) }],
  };
  if (point !== undefined) coding.display = point.label;
  return coding;
}

function toQuestion(instrument: Instrument, entry: ProfileItem, base: string): FhirQuestionnaireItem {
  const urls = buildFhirUrls(base, instrument.id);
  const answerOption: FhirQuestionnaireAnswerOption[] = instrument.scale.points.map((point) => {
    const { extension, ...valueCoding } = buildAnswerCoding(instrument, entry, point.value, base);
    // The weight sits on answerOption, where the itemWeight definition prefers it.
    return { valueCoding, extension: extension ?? [] };
  });
  return {
    linkId: entry.id,
    text: entry.text,
    type: "choice",
    code: [{ system: urls.dimensionSystem, code: entry.dimension }],
    required: false,
    answerOption,
  };
}

/** Export the instrument as an R4 Questionnaire. SAFE items are included (it is the whole instrument) but never scored. */
export function exportQuestionnaire(instrument: Instrument, options: FhirExportOptions = {}): FhirQuestionnaire {
  const base = options.base ?? DEFAULT_FHIR_BASE;
  const urls = buildFhirUrls(base, instrument.id);
  const scoreItems: FhirQuestionnaireItem[] = buildScoreExpressions(instrument).map((score) => ({
    linkId: score.linkId,
    text: score.text,
    type: "decimal",
    readOnly: true,
    extension: [{ url: CALCULATED_EXPRESSION_URL, valueExpression: { language: "text/fhirpath", expression: score.expression } }],
  }));
  return {
    resourceType: "Questionnaire",
    id: instrument.id,
    url: urls.questionnaire,
    version: instrument.version,
    name: "MutualInterdependenceProfile",
    title: instrument.title,
    // "draft" until the instrument is normed: the scores are information, not a validated measure.
    status: "draft",
    description: "Self-report profile of closeness (We) and sense of self (Me) in a couple relationship. Information and practice, not diagnosis.",
    language: instrument.sourceLocale,
    item: [...instrument.items.map((entry) => toQuestion(instrument, entry, base)), ...scoreItems],
  };
}
