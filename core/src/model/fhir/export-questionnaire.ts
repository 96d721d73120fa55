// Instrument → FHIR R4 Questionnaire with SDC item weights and calculated scores.
import type { Instrument, ProfileItem } from "../instrument/instrument-types.js";
import { keyAnswer } from "../instrument/instrument-lookup.js";
import { buildFhirUrls, CALCULATED_EXPRESSION_URL, DEFAULT_FHIR_BASE, ITEM_WEIGHT_URL, ORDINAL_VALUE_URL } from "./fhir-constants.js";
import type { FhirCodeSystem, FhirCoding, FhirExtension, FhirQuestionnaire, FhirQuestionnaireAnswerOption, FhirQuestionnaireItem } from "./fhir-r4-types.js";
import { buildScoreExpressions } from "./score-expressions.js";

export type FhirExportOptions = { base?: string };

/** An answer's keyed value under both names FHIR gives it: R4's ordinalValue and the SDC's itemWeight. */
export function buildWeightExtensions(weight: number): FhirExtension[] {
  return [
    { url: ORDINAL_VALUE_URL, valueDecimal: weight },
    { url: ITEM_WEIGHT_URL, valueDecimal: weight },
  ];
}

/** The coding (with its keyed weight) for one answer to one item. */
export function buildAnswerCoding(instrument: Instrument, entry: ProfileItem, answer: number, base: string = DEFAULT_FHIR_BASE): FhirCoding {
  const urls = buildFhirUrls(base, instrument.id);
  const point = instrument.scale.points.find((candidate) => candidate.value === answer);
  const coding: FhirCoding = {
    system: urls.scaleSystem,
    code: String(answer),
    extension: buildWeightExtensions(keyAnswer(entry, answer, instrument.scale.min, instrument.scale.max)),
  };
  if (point !== undefined) coding.display = point.label;
  return coding;
}

function toQuestion(instrument: Instrument, entry: ProfileItem, base: string): FhirQuestionnaireItem {
  const urls = buildFhirUrls(base, instrument.id);
  const answerOption: FhirQuestionnaireAnswerOption[] = instrument.scale.points.map((point) => {
    const { extension, ...valueCoding } = buildAnswerCoding(instrument, entry, point.value, base);
    // The weights sit on answerOption, where the itemWeight and ordinalValue definitions prefer them.
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

/**
 * The two code systems the Questionnaire and its responses use, as R4 CodeSystem resources, so a
 * receiving system can read every code without asking us: the 1–7 agreement scale (each point with its
 * label) and the instrument's dimensions (each with its name and one-line summary). Same canonical
 * base and version as the Questionnaire.
 */
export function exportCodeSystems(instrument: Instrument, options: FhirExportOptions = {}): [FhirCodeSystem, FhirCodeSystem] {
  const urls = buildFhirUrls(options.base ?? DEFAULT_FHIR_BASE, instrument.id);
  const common = { resourceType: "CodeSystem", version: instrument.version, status: "draft", caseSensitive: true, content: "complete" } as const;
  return [
    {
      ...common,
      id: instrument.scale.id,
      url: urls.scaleSystem,
      name: "MutualAgreementScale",
      title: "Seven-point agreement scale",
      description: "How much a person agrees with a statement, from 1 (strongly disagree) to 7 (strongly agree). Every point is labelled.",
      count: instrument.scale.points.length,
      concept: instrument.scale.points.map((point) => ({ code: String(point.value), display: point.label })),
    },
    {
      ...common,
      id: "interdependence-dimension",
      url: urls.dimensionSystem,
      name: "MutualInterdependenceDimension",
      title: "Interdependence Profile dimensions",
      description: "The part of the Interdependence Profile a question belongs to. SAFE is a private safety screen, never scored.",
      count: instrument.dimensions.length,
      concept: instrument.dimensions.map((dimension) => ({ code: dimension.code, display: dimension.name, definition: dimension.summary })),
    },
  ];
}
