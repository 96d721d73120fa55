import fc from "fast-check";
import fhirpath from "fhirpath";
import r4Model from "fhirpath/fhir-context/r4";
import { beforeAll, describe, expect, it } from "vitest";
import type { ProfileAnswers } from "../instrument/profile-answers.js";
import { INTERDEPENDENCE_PROFILE_V1 as PROFILE } from "../instrument/profile-v1.js";
import { scoreProfile } from "../scoring/score-profile.js";
import { exportCodeSystems, exportQuestionnaire } from "./export-questionnaire.js";
import { exportQuestionnaireResponse } from "./export-response.js";
import { CALCULATED_EXPRESSION_URL, fhirBaseOf, ITEM_WEIGHT_URL, ORDINAL_VALUE_URL } from "./fhir-constants.js";
import type { FhirQuestionnaireResponse } from "./fhir-r4-types.js";
import { importQuestionnaireResponse } from "./import-response.js";
import { loadFhirSchemaValidator, type FhirSchemaValidator } from "../../testing/fhir-schema.js";

let validator: FhirSchemaValidator;

beforeAll(async () => {
  validator = await loadFhirSchemaValidator();
}, 60_000);

const ids = PROFILE.items.map((entry) => entry.id);
const point = fc.integer({ min: 1, max: 7 });
const completeAnswers = fc.tuple(...ids.map(() => point)).map((values) => Object.fromEntries(ids.map((id, index) => [id, values[index] as number])));
const partialAnswers = fc
  .tuple(...ids.map(() => fc.option(point, { nil: undefined, freq: 4 })))
  .map((values) => Object.fromEntries(ids.flatMap((id, index) => (values[index] === undefined ? [] : [[id, values[index] as number]]))));

const questionnaire = exportQuestionnaire(PROFILE);
const scoreItems = (questionnaire.item ?? []).filter((entry) => entry.extension?.some((ext) => ext.url === CALCULATED_EXPRESSION_URL));

function evaluateScore(response: FhirQuestionnaireResponse, expression: string, withQuestionnaire = false): unknown[] {
  // SDC form fillers bind %resource to the QuestionnaireResponse being filled; fhirpath.js needs it passed in.
  const context: Record<string, unknown> = withQuestionnaire ? { resource: response, questionnaire } : { resource: response };
  return fhirpath.evaluate(response as unknown as Record<string, unknown>, expression, context, r4Model) as unknown[];
}

function ourScores(answers: ProfileAnswers): Record<string, number | undefined> {
  const profile = scoreProfile(PROFILE, answers);
  const read = (entry: { status: string; score?: number }) => (entry.status === "scored" ? entry.score : undefined);
  return {
    ...Object.fromEntries(Object.entries(profile.dimensions).map(([code, entry]) => [`score-${code.toLowerCase()}`, read(entry)])),
    "score-support-giving": read(profile.subscales.giving),
    "score-support-receiving": read(profile.subscales.receiving),
    "score-we": read(profile.we),
    "score-me": read(profile.me),
    "score-codependency": read(profile.codependency),
  };
}

function assertExpressionsMatch(answers: ProfileAnswers, withQuestionnaire: boolean): void {
  const response = exportQuestionnaireResponse(PROFILE, answers, { includeSafetyScreen: true, includeScores: false });
  if (withQuestionnaire) {
    // Strip the weights from the response so fhirpath must find them on the Questionnaire's answerOptions.
    for (const entry of response.item ?? []) for (const answer of entry.answer ?? []) if (answer.valueCoding !== undefined) delete answer.valueCoding.extension;
  }
  const expected = ourScores(answers);
  for (const entry of scoreItems) {
    const expression = entry.extension?.find((ext) => ext.url === CALCULATED_EXPRESSION_URL)?.valueExpression?.expression ?? "";
    const result = evaluateScore(response, expression, withQuestionnaire);
    const want = expected[entry.linkId];
    if (want === undefined) expect(result, entry.linkId).toEqual([]);
    else {
      expect(result, entry.linkId).toHaveLength(1);
      expect(result[0] as number, entry.linkId).toBeCloseTo(want, 9);
    }
  }
}

describe("FHIR Questionnaire export", () => {
  it("is valid against the official R4 JSON schema", () => {
    expect(validator.validate(questionnaire, true)).toEqual([]);
  });

  it("the schema check can fail", () => {
    expect(validator.validate({ ...questionnaire, status: "finished" }).length).toBeGreaterThan(0);
  });

  it("has canonical url and version, one choice item per question, and weights that follow keying", () => {
    expect(questionnaire.url).toBe("https://mutual.example/fhir/Questionnaire/mutual-interdependence-profile");
    expect(questionnaire.version).toBe(PROFILE.version);
    const choices = (questionnaire.item ?? []).filter((entry) => entry.type === "choice");
    expect(choices.map((entry) => entry.linkId)).toEqual(ids);
    const weights = (linkId: string) =>
      choices
        .find((entry) => entry.linkId === linkId)
        ?.answerOption?.map((option) => option.extension?.find((ext) => ext.url === ITEM_WEIGHT_URL)?.valueDecimal);
    expect(weights("close-1")).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(weights("close-4")).toEqual([7, 6, 5, 4, 3, 2, 1]);
    expect(choices[0]?.answerOption?.[0]?.valueCoding.display).toBe("Strongly disagree");
  });

  it("has a text/fhirpath calculatedExpression per scored dimension, sub-scale and axis, and none for SAFE", () => {
    expect(scoreItems.map((entry) => entry.linkId)).toEqual([
      "score-close",
      "score-support",
      "score-accept",
      "score-voice",
      "score-self",
      "score-ties",
      "score-rely",
      "score-support-giving",
      "score-support-receiving",
      "score-we",
      "score-me",
      "score-codependency",
    ]);
    for (const entry of scoreItems) {
      const ext = entry.extension?.find((candidate) => candidate.url === CALCULATED_EXPRESSION_URL);
      expect(ext?.valueExpression?.language).toBe("text/fhirpath");
      expect(ext?.valueExpression?.expression).not.toContain("safe-");
    }
  });
});

describe("FHIR weights, code systems and the canonical base", () => {
  it("gives every answer option its keyed weight under both names: R4's ordinalValue and the SDC's itemWeight", () => {
    for (const entry of (questionnaire.item ?? []).filter((item) => item.type === "choice")) {
      for (const option of entry.answerOption ?? []) {
        const urls = (option.extension ?? []).map((extension) => extension.url).sort();
        expect(urls, entry.linkId).toEqual([ITEM_WEIGHT_URL, ORDINAL_VALUE_URL]);
        const values = new Set((option.extension ?? []).map((extension) => extension.valueDecimal));
        expect(values.size, entry.linkId).toBe(1);
      }
    }
    const response = exportQuestionnaireResponse(PROFILE, { "close-4": 2 }, { includeSafetyScreen: false, includeScores: false });
    expect(response.item?.[0]?.answer?.[0]?.valueCoding?.extension).toEqual([
      { url: ORDINAL_VALUE_URL, valueDecimal: 6 },
      { url: ITEM_WEIGHT_URL, valueDecimal: 6 },
    ]);
  });

  it("exports the two code systems the codes come from, valid R4, complete, under the same base and version", () => {
    const [scale, dimensions] = exportCodeSystems(PROFILE, { base: "https://help.example.org/fhir" });
    for (const system of [scale, dimensions]) expect(validator.validate(system, true)).toEqual([]);
    expect(scale).toMatchObject({ url: "https://help.example.org/fhir/CodeSystem/agreement-7", version: PROFILE.version, content: "complete", count: 7 });
    expect(scale.concept?.map((concept) => concept.code)).toEqual(["1", "2", "3", "4", "5", "6", "7"]);
    expect(dimensions).toMatchObject({ url: "https://help.example.org/fhir/CodeSystem/interdependence-dimension", content: "complete" });
    expect(dimensions.concept?.map((concept) => concept.code)).toEqual(["CLOSE", "SUPPORT", "ACCEPT", "VOICE", "SELF", "TIES", "RELY", "SAFE"]);
    // Every code the Questionnaire uses is defined in them.
    const codes = new Map([scale, dimensions].map((system) => [system.url, new Set(system.concept?.map((concept) => concept.code))]));
    const questionnaireAt = exportQuestionnaire(PROFILE, { base: "https://help.example.org/fhir" });
    for (const item of (questionnaireAt.item ?? []).filter((entry) => entry.type === "choice")) {
      for (const coding of [...(item.code ?? []), ...(item.answerOption ?? []).map((option) => option.valueCoding)]) {
        expect(codes.get(coding.system ?? "")?.has(coding.code ?? ""), `${item.linkId} ${coding.system} ${coding.code}`).toBe(true);
      }
    }
  });

  it("derives the canonical base from the address people use", () => {
    expect(fhirBaseOf("https://mutual.clinic.sg")).toBe("https://mutual.clinic.sg/fhir");
    expect(fhirBaseOf("https://clinic.sg/mutual/")).toBe("https://clinic.sg/mutual/fhir");
    expect(exportQuestionnaire(PROFILE, { base: fhirBaseOf("https://clinic.sg/mutual/") }).url).toBe(
      "https://clinic.sg/mutual/fhir/Questionnaire/mutual-interdependence-profile",
    );
  });
});

describe("calculatedExpression evaluated with fhirpath equals our scores", () => {
  it("for a hand-checked complete response", () => {
    const answers = Object.fromEntries(ids.map((id, index) => [id, 1 + (index % 7)]));
    assertExpressionsMatch(answers, false);
  });

  it("for random complete responses", () => {
    fc.assert(
      fc.property(completeAnswers, (answers) => assertExpressionsMatch(answers, false)),
      { numRuns: 25 },
    );
    // fhirpath evaluates each expression from its text: about 2 s alone, past vitest's 5 s default on a busy machine.
  }, 30_000);

  it("for random partial responses, proration and missing scores included", () => {
    fc.assert(
      fc.property(partialAnswers, (answers) => assertExpressionsMatch(answers, false)),
      { numRuns: 40 },
    );
  }, 30_000);

  it("when weights come from the Questionnaire via %questionnaire", () => {
    fc.assert(
      fc.property(partialAnswers, (answers) => assertExpressionsMatch(answers, true)),
      { numRuns: 10 },
    );
  });
});

describe("FHIR QuestionnaireResponse", () => {
  it("is valid against the R4 schema, with scores and metadata", () => {
    const answers = Object.fromEntries(ids.map((id, index) => [id, 1 + ((index * 3) % 7)]));
    const response = exportQuestionnaireResponse(PROFILE, answers, {
      includeSafetyScreen: false,
      authored: "2026-11-24T01:00:00Z",
      subject: { identifier: { system: "urn:mutual:person", value: "p-1" } },
    });
    expect(validator.validate(response, true)).toEqual([]);
    expect(response.questionnaire).toBe(`${questionnaire.url}|${PROFILE.version}`);
    expect(response.item?.find((entry) => entry.linkId === "score-close")?.answer?.[0]?.valueDecimal).toBeCloseTo(
      ourScores(answers)["score-close"] as number,
      12,
    );
  });

  it("leaves SAFE answers out unless the owner's export asks for them", () => {
    const answers = { "close-1": 5, "safe-1": 7 };
    expect(JSON.stringify(exportQuestionnaireResponse(PROFILE, answers, { includeSafetyScreen: false }))).not.toContain("safe-1");
    expect(JSON.stringify(exportQuestionnaireResponse(PROFILE, answers, { includeSafetyScreen: true }))).toContain("safe-1");
  });

  it("round-trips: export then import gives the same answers", () => {
    fc.assert(
      fc.property(partialAnswers, (answers) => {
        const result = importQuestionnaireResponse(PROFILE, exportQuestionnaireResponse(PROFILE, answers, { includeSafetyScreen: true }));
        const isComplete = Object.keys(answers).length === ids.length;
        expect(result).toEqual({ ok: true, value: { answers, status: isComplete ? "completed" : "in-progress", isComplete } });
      }),
      { numRuns: 50 },
    );
  });

  it("returns an error, not a RangeError, for items nested 20,000 deep or too many items", () => {
    let nested: Record<string, unknown> = { linkId: "close-1", answer: [{ valueCoding: { code: "3" } }] };
    for (let depth = 0; depth < 20_000; depth += 1) nested = { linkId: `g${depth}`, item: [nested] };
    const deep = importQuestionnaireResponse(PROFILE, { resourceType: "QuestionnaireResponse", status: "completed", item: [nested] });
    expect(deep.ok).toBe(false);
    if (!deep.ok) expect(deep.errors[0]?.message).toContain("nested more than");
    const wide = importQuestionnaireResponse(PROFILE, {
      resourceType: "QuestionnaireResponse",
      status: "completed",
      item: Array.from({ length: 5_000 }, (_, index) => ({ linkId: `x${index}` })),
    });
    expect(wide.ok).toBe(false);
    if (!wide.ok) expect(wide.errors[0]?.message).toContain("items");
    // Within the limits, grouping still imports.
    const grouped = importQuestionnaireResponse(PROFILE, {
      resourceType: "QuestionnaireResponse",
      status: "amended",
      item: [{ linkId: "a", item: [{ linkId: "b", item: [{ linkId: "close-1", answer: [{ valueCoding: { code: "3" } }] }] }] }],
    });
    expect(grouped).toEqual({ ok: true, value: { answers: { "close-1": 3 }, status: "amended", isComplete: true } });
  });

  it("exports a partial or invalid response as in-progress, and leaves invalid values out", () => {
    const complete = Object.fromEntries(ids.map((id) => [id, 4]));
    expect(exportQuestionnaireResponse(PROFILE, complete, { includeSafetyScreen: true }).status).toBe("completed");
    const withoutSafe = Object.fromEntries(PROFILE.items.filter((entry) => entry.dimension !== "SAFE").map((entry) => [entry.id, 4]));
    expect(exportQuestionnaireResponse(PROFILE, withoutSafe, { includeSafetyScreen: false }).status).toBe("completed");
    expect(exportQuestionnaireResponse(PROFILE, withoutSafe, { includeSafetyScreen: true }).status).toBe("in-progress");
    const invalid = exportQuestionnaireResponse(PROFILE, { ...complete, "close-1": 12 }, { includeSafetyScreen: true });
    expect(invalid.status).toBe("in-progress");
    expect(invalid.item?.some((entry) => entry.linkId === "close-1")).toBe(false);
  });

  it("accepts the older ordinalValue extension and weight-only codings, undoing reverse keying", () => {
    const base = exportQuestionnaireResponse(PROFILE, {}, { includeSafetyScreen: false, includeScores: false });
    const system = "https://mutual.example/fhir/CodeSystem/agreement-7";
    const response = {
      ...base,
      item: [
        { linkId: "close-1", answer: [{ valueCoding: { system, extension: [{ url: ORDINAL_VALUE_URL, valueDecimal: 6 }] } }] },
        { linkId: "close-4", answer: [{ valueCoding: { system, extension: [{ url: ORDINAL_VALUE_URL, valueDecimal: 6 }] } }] },
        { linkId: "grp", item: [{ linkId: "voice-1", answer: [{ valueCoding: { system, code: "3" } }] }] },
      ],
    };
    expect(importQuestionnaireResponse(PROFILE, response)).toEqual({
      ok: true,
      value: { answers: { "close-1": 6, "close-4": 2, "voice-1": 3 }, status: "in-progress", isComplete: false },
    });
  });

  it.each<[string, unknown, string]>([
    ["a non-response resource", { resourceType: "Questionnaire", status: "draft" }, "resourceType"],
    [
      "an unknown question",
      { resourceType: "QuestionnaireResponse", status: "completed", item: [{ linkId: "mystery", answer: [{ valueCoding: { code: "3" } }] }] },
      "Unknown question",
    ],
    [
      "a valueInteger answer",
      { resourceType: "QuestionnaireResponse", status: "completed", item: [{ linkId: "close-1", answer: [{ valueInteger: 3 }] }] },
      "valueInteger",
    ],
    [
      "a code off the scale",
      { resourceType: "QuestionnaireResponse", status: "completed", item: [{ linkId: "close-1", answer: [{ valueCoding: { code: "9" } }] }] },
      "from 1 to 7",
    ],
    [
      "a foreign code system",
      {
        resourceType: "QuestionnaireResponse",
        status: "completed",
        item: [{ linkId: "close-1", answer: [{ valueCoding: { system: "http://loinc.org", code: "3" } }] }],
      },
      "Unknown answer system",
    ],
    [
      "code and weight that disagree",
      {
        resourceType: "QuestionnaireResponse",
        status: "completed",
        item: [{ linkId: "close-4", answer: [{ valueCoding: { code: "2", extension: [{ url: ITEM_WEIGHT_URL, valueDecimal: 2 }] } }] }],
      },
      "disagree",
    ],
    [
      "two answers to one question",
      {
        resourceType: "QuestionnaireResponse",
        status: "completed",
        item: [{ linkId: "close-1", answer: [{ valueCoding: { code: "2" } }, { valueCoding: { code: "3" } }] }],
      },
      "one answer",
    ],
    [
      "another questionnaire",
      { resourceType: "QuestionnaireResponse", status: "completed", questionnaire: "http://example.org/Questionnaire/phq-9" },
      "Expected",
    ],
    [
      "another version",
      {
        resourceType: "QuestionnaireResponse",
        status: "completed",
        questionnaire: "https://mutual.example/fhir/Questionnaire/mutual-interdependence-profile|9.0.0",
      },
      "version 9.0.0",
    ],
    ["not an object", "hello", "(root)"],
    ...["0x3", " 3 ", "1e0", "3.0", "+3", ""].map(
      (code) =>
        [
          `the look-alike code ${JSON.stringify(code)}`,
          { resourceType: "QuestionnaireResponse", status: "completed", item: [{ linkId: "close-1", answer: [{ valueCoding: { code } }] }] },
          "from 1 to 7",
        ] as [string, unknown, string],
    ),
    [
      "a fractional weight",
      {
        resourceType: "QuestionnaireResponse",
        status: "completed",
        item: [{ linkId: "close-1", answer: [{ valueCoding: { extension: [{ url: ITEM_WEIGHT_URL, valueDecimal: 3.5 }] } }] }],
      },
      "from 1 to 7",
    ],
    [
      "an entered-in-error response",
      { resourceType: "QuestionnaireResponse", status: "entered-in-error", item: [{ linkId: "close-1", answer: [{ valueCoding: { code: "3" } }] }] },
      "entered-in-error",
    ],
    [
      "a malformed nested item",
      { resourceType: "QuestionnaireResponse", status: "completed", item: [{ linkId: "grp", item: [{ answer: [] }] }] },
      "item[0].item[0].linkId",
    ],
  ])("rejects %s with a clear error", (_name, input, fragment) => {
    const result = importQuestionnaireResponse(PROFILE, input);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors.map((error) => `${error.path}: ${error.message}`).join("\n")).toContain(fragment);
  });
});
