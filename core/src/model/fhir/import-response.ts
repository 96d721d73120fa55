// FHIR R4 QuestionnaireResponse → answers, with every problem reported as a result, never thrown.
import { z } from "zod";
import type { Instrument } from "../instrument/instrument-types.js";
import { findItem } from "../instrument/instrument-lookup.js";
import { buildFhirUrls, DEFAULT_FHIR_BASE, ITEM_WEIGHT_URL, ORDINAL_VALUE_URL } from "./fhir-constants.js";
import type { ModelIssue, ModelResult } from "./model-result.js";
import { checkResponseSize, FHIR_IMPORT_LIMITS } from "./response-limits.js";

/** Statuses we import. "entered-in-error" is refused: its answers are known to be wrong. */
export type ImportedStatus = "in-progress" | "completed" | "amended" | "stopped";

export type ImportedResponse = {
  answers: Record<string, number>;
  status: ImportedStatus;
  /** completed or amended: the respondent finished. in-progress and stopped answers are partial (scoring prorates). */
  isComplete: boolean;
  authored?: string;
};

const extensionSchema = z.looseObject({ url: z.string(), valueDecimal: z.number().optional(), valueInteger: z.number().optional() });
const codingSchema = z.looseObject({
  system: z.string().optional(),
  code: z.string().optional(),
  display: z.string().optional(),
  extension: z.array(extensionSchema).optional(),
});
const answerSchema = z.looseObject({ valueCoding: codingSchema.optional(), extension: z.array(extensionSchema).optional() });
// Not recursive on purpose: nested items are parsed one level at a time by an explicit stack, so depth cannot exhaust the call stack.
const itemSchema = z.looseObject({ linkId: z.string(), answer: z.array(answerSchema).optional(), item: z.array(z.unknown()).optional() });
const responseSchema = z.looseObject({
  resourceType: z.literal("QuestionnaireResponse"),
  questionnaire: z.string().optional(),
  status: z.enum(["in-progress", "completed", "amended", "entered-in-error", "stopped"]),
  authored: z.string().optional(),
  item: z.array(z.unknown()).optional(),
});

type ResponseItem = z.infer<typeof itemSchema>;
type Answer = z.infer<typeof answerSchema>;

const VALUE_KEY = /^value[A-Z]/;

function readWeight(extensions: ReadonlyArray<z.infer<typeof extensionSchema>> | undefined): number | undefined {
  const found = extensions?.find((entry) => entry.url === ITEM_WEIGHT_URL || entry.url === ORDINAL_VALUE_URL);
  return found?.valueDecimal ?? found?.valueInteger;
}

function toIssues(error: z.ZodError, prefix: string): ModelIssue[] {
  return error.issues.map((issue) => ({
    path: [prefix, ...issue.path.map(String)].filter((part) => part !== "").join(".") || "(root)",
    message: issue.message,
  }));
}

/** Parse every item, depth-first in document order, with an explicit stack. */
function flattenItems(items: readonly unknown[], errors: ModelIssue[]): Array<{ item: ResponseItem; path: string }> {
  const out: Array<{ item: ResponseItem; path: string }> = [];
  const stack: Array<{ raw: unknown; path: string }> = items.map((raw, index) => ({ raw, path: `item[${index}]` })).reverse();
  for (let next = stack.pop(); next !== undefined; next = stack.pop()) {
    const parsed = itemSchema.safeParse(next.raw);
    if (!parsed.success) {
      errors.push(...toIssues(parsed.error, next.path));
      continue;
    }
    out.push({ item: parsed.data, path: next.path });
    const children = parsed.data.item ?? [];
    for (let index = children.length - 1; index >= 0; index -= 1) stack.push({ raw: children[index], path: `${next.path}.item[${index}]` });
  }
  return out;
}

type Readout = { value: number } | { error: ModelIssue };

/** One answer to one question → a raw scale point, or why not. Codes must be the scale's exact codes ("3", not "3.0" or "0x3"). */
function readScalePoint(instrument: Instrument, entry: NonNullable<ReturnType<typeof findItem>>, answer: Answer, path: string, scaleSystem: string): Readout {
  const { min, max } = instrument.scale;
  const otherValue = Object.keys(answer).find((key) => VALUE_KEY.test(key) && key !== "valueCoding");
  if (answer.valueCoding === undefined || otherValue !== undefined) {
    return {
      error: {
        path: `${path}.answer[0]`,
        message: `Question "${entry.id}" needs a valueCoding from ${scaleSystem}${otherValue === undefined ? "" : `; got ${otherValue}`}`,
      },
    };
  }
  const coding = answer.valueCoding;
  if (coding.system !== undefined && coding.system !== scaleSystem) {
    return { error: { path: `${path}.answer[0].valueCoding.system`, message: `Unknown answer system ${coding.system}` } };
  }
  const offScale: Readout = {
    error: { path: `${path}.answer[0].valueCoding`, message: `Question "${entry.id}" needs a code or weight from ${min} to ${max}` },
  };
  const codes = new Map(instrument.scale.points.map((point) => [String(point.value), point.value]));
  const fromCode = coding.code === undefined ? undefined : codes.get(coding.code);
  if (coding.code !== undefined && fromCode === undefined) return offScale;
  const weight = readWeight(coding.extension) ?? readWeight(answer.extension);
  // Without a code, fall back to the weight and undo the keying: raw = min + max − weight for reverse items.
  const fromWeight = weight === undefined ? undefined : entry.isReverse ? min + max - weight : weight;
  if (fromWeight !== undefined && (!Number.isInteger(fromWeight) || fromWeight < min || fromWeight > max)) return offScale;
  const raw = fromCode ?? fromWeight;
  if (raw === undefined) return offScale;
  if (fromCode !== undefined && fromWeight !== undefined && fromCode !== fromWeight) {
    return { error: { path: `${path}.answer[0].valueCoding`, message: `Question "${entry.id}": code ${fromCode} and weight ${weight} disagree` } };
  }
  return { value: raw };
}

/** Import answers from an R4 QuestionnaireResponse of this instrument; score items are recomputed, not trusted. */
export function importQuestionnaireResponse(instrument: Instrument, input: unknown, options: { base?: string } = {}): ModelResult<ImportedResponse> {
  // Size first, iteratively: a hostile file nested thousands deep must become an error, not a stack overflow.
  const sizeIssue = checkResponseSize(input, FHIR_IMPORT_LIMITS);
  if (sizeIssue !== undefined) return { ok: false, errors: [sizeIssue] };
  const parsed = responseSchema.safeParse(input);
  if (!parsed.success) return { ok: false, errors: toIssues(parsed.error, "") };
  const response = parsed.data;
  if (response.status === "entered-in-error") {
    return { ok: false, errors: [{ path: "status", message: "This response was marked entered-in-error, so its answers are not imported" }] };
  }
  const urls = buildFhirUrls(options.base ?? DEFAULT_FHIR_BASE, instrument.id);
  const errors: ModelIssue[] = [];
  if (response.questionnaire !== undefined) {
    const [url, version] = response.questionnaire.split("|");
    if (url !== urls.questionnaire) errors.push({ path: "questionnaire", message: `Expected ${urls.questionnaire}, got ${url ?? "nothing"}` });
    else if (version !== undefined && version !== instrument.version)
      errors.push({ path: "questionnaire", message: `Answers are for version ${version}; this instrument is ${instrument.version}` });
  }
  const answers: Record<string, number> = {};
  for (const { item, path } of flattenItems(response.item ?? [], errors)) {
    if (item.linkId.startsWith("score-")) continue;
    const entry = findItem(instrument, item.linkId);
    if (entry === undefined) {
      if (item.answer !== undefined) errors.push({ path: `${path}.linkId`, message: `Unknown question "${item.linkId}"` });
      continue;
    }
    const given = item.answer ?? [];
    if (given.length === 0) continue;
    if (given.length > 1) {
      errors.push({ path: `${path}.answer`, message: `Question "${item.linkId}" takes one answer; got ${given.length}` });
      continue;
    }
    const readout = readScalePoint(instrument, entry, given[0] as Answer, path, urls.scaleSystem);
    if ("error" in readout) {
      errors.push(readout.error);
      continue;
    }
    if (answers[entry.id] !== undefined) {
      errors.push({ path, message: `Question "${item.linkId}" appears twice` });
      continue;
    }
    answers[entry.id] = readout.value;
  }
  if (errors.length > 0) return { ok: false, errors };
  const value: ImportedResponse = { answers, status: response.status, isComplete: response.status === "completed" || response.status === "amended" };
  if (response.authored !== undefined) value.authored = response.authored;
  return { ok: true, value };
}
