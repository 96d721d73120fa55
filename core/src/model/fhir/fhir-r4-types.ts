// The slice of FHIR R4 this module reads and writes. The installed @types/fhir (3.0.2) describes
// STU3 only (no answerOption, no fhir4 namespace), so the R4 shapes we need are declared here and
// checked in tests against HL7's official R4 JSON schema.

export type FhirExtension = {
  url: string;
  valueDecimal?: number;
  valueString?: string;
  valueCode?: string;
  valueExpression?: FhirExpression;
};

export type FhirExpression = { language: string; expression: string; description?: string; name?: string };

export type FhirCoding = { system?: string; version?: string; code?: string; display?: string; extension?: FhirExtension[] };

export type FhirQuestionnaireAnswerOption = { valueCoding: FhirCoding; extension?: FhirExtension[] };

export type FhirQuestionnaireItem = {
  linkId: string;
  text?: string;
  type: "group" | "display" | "choice" | "decimal" | "integer" | "string" | "text";
  code?: FhirCoding[];
  required?: boolean;
  repeats?: boolean;
  readOnly?: boolean;
  answerOption?: FhirQuestionnaireAnswerOption[];
  extension?: FhirExtension[];
  item?: FhirQuestionnaireItem[];
};

/** What every canonical resource we write has: its canonical name and version, and its status. */
type FhirCanonicalResource = {
  id?: string;
  url?: string;
  version?: string;
  name?: string;
  title?: string;
  status: "draft" | "active" | "retired" | "unknown";
  description?: string;
};

export type FhirQuestionnaire = FhirCanonicalResource & {
  resourceType: "Questionnaire";
  language?: string;
  item?: FhirQuestionnaireItem[];
};

export type FhirCodeSystemConcept = { code: string; display?: string; definition?: string };

export type FhirCodeSystem = FhirCanonicalResource & {
  resourceType: "CodeSystem";
  caseSensitive?: boolean;
  content: "not-present" | "example" | "fragment" | "complete" | "supplement";
  count?: number;
  concept?: FhirCodeSystemConcept[];
};

export type FhirQuestionnaireResponseAnswer = { valueCoding?: FhirCoding; valueDecimal?: number; extension?: FhirExtension[] };

export type FhirQuestionnaireResponseItem = {
  linkId: string;
  text?: string;
  answer?: FhirQuestionnaireResponseAnswer[];
  item?: FhirQuestionnaireResponseItem[];
};

export type FhirReference = { reference?: string; identifier?: { system?: string; value?: string }; display?: string };

export type FhirQuestionnaireResponse = {
  resourceType: "QuestionnaireResponse";
  id?: string;
  questionnaire?: string;
  status: "in-progress" | "completed" | "amended" | "entered-in-error" | "stopped";
  authored?: string;
  subject?: FhirReference;
  author?: FhirReference;
  item?: FhirQuestionnaireResponseItem[];
};
