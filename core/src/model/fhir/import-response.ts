// FHIR R4 QuestionnaireResponse → answers, with every problem reported rather than thrown.
import { z } from "zod";
import type { Instrument } from "../instrument/instrument-types.js";
import { findItem } from "../instrument/instrument-lookup.js";
import { buildFhirUrls, DEFAULT_FHIR_BASE, ITEM_WEIGHT_URL, ORDINAL_VALUE_URL } from "./fhir-constants.js";

export type ModelIssue = { path: string; message: string };
export type ModelResult<T> = { ok: true; value: T } | { ok: false; errors: ModelIssue[] };

export type ImportedResponse = {
  answers: Record<string, number>;
  status: string;
  authored?: string;
};

const extensionSchema = z.looseObject({ url: z.string(), valueDecimal: z.number().optional(), valueInteger: z.number().optional() });
const codingSchema = z.looseObject({ system: z.string().optional(), code: z.string().optional(), display: z.string().optional(), extension: z.array(extensionSchema).optional() });
const answerSchema = z.looseObject({ valueCoding: codingSchema.optional(), extension: z.array(extensionSchema).optional() });
type ResponseItem = { linkId: string; answer?: Array<z.infer<typeof answerSchema>>; item?: ResponseItem[] };
const itemSchema: z.ZodType<ResponseItem> = z.lazy(() => z.looseObject({ linkId: z.string(), answer: z.array(answerSchema).optional(), item: z.array(itemSchema).optional() }));
const responseSchema = z.looseObject({
  resourceType: z.literal("QuestionnaireResponse"),
  questionnaire: z.string().optional(),
  status: z.enum(["in-progress", "completed", "amended", "entered-in-error", "stopped"]),
  authored: z.string().optional(),
  item: z.array(itemSchema).optional(),
});

const VALUE_KEY = /^value[A-Z]/;

function readWeight(extensions: ReadonlyArray<z.infer<typeof extensionSchema>> | undefined): number | undefined {
  const found = extensions?.find((entry) => entry.url === ITEM_WEIGHT_URL || entry.url === ORDINAL_VALUE_URL);
  return found?.valueDecimal ?? found?.valueInteger;
}

function flatten(items: readonly ResponseItem[], path: string, out: Array<{ item: ResponseItem; path: string }>): void {
  items.forEach((entry, index) => {
    const here = `${path}[${index}]`;
    out.push({ item: entry, path: here });
    if (entry.item !== undefined) flatten(entry.item, `${here}.item`, out);
  });
}

/** Import answers from an R4 QuestionnaireResponse of this instrument; score items are recomputed, not trusted. */
export function importQuestionnaireResponse(instrument: Instrument, input: unknown, options: { base?: string } = {}): ModelResult<ImportedResponse> {
  const parsed = responseSchema.safeParse(input);
  if (!parsed.success) {
    return { ok: false, errors: parsed.error.issues.map((issue) => ({ path: issue.path.join(".") || "(root)", message: issue.message })) };
  }
  const urls = buildFhirUrls(options.base ?? DEFAULT_FHIR_BASE, instrument.id);
  const errors: ModelIssue[] = [];
  const response = parsed.data;
  if (response.questionnaire !== undefined) {
    const [url, version] = response.questionnaire.split("|");
    if (url !== urls.questionnaire) errors.push({ path: "questionnaire", message: `Expected ${urls.questionnaire}, got ${url ?? "nothing"}` });
    else if (version !== undefined && version !== instrument.version) errors.push({ path: "questionnaire", message: `Answers are for version ${version}; this instrument is ${instrument.version}` });
  }
  const flat: Array<{ item: ResponseItem; path: string }> = [];
  flatten(response.item ?? [], "item", flat);
  const answers: Record<string, number> = {};
  const { min, max } = instrument.scale;
  for (const { item, path } of flat) {
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
    const answer = given[0] as z.infer<typeof answerSchema>;
    const otherValue = Object.keys(answer).find((key) => VALUE_KEY.test(key) && key !== "valueCoding");
    if (answer.valueCoding === undefined || otherValue !== undefined) {
      errors.push({ path: `${path}.answer[0]`, message: `Question "${item.linkId}" needs a valueCoding from ${urls.scaleSystem}${otherValue === undefined ? "" : `; got ${otherValue}`}` });
      continue;
    }
    const coding = answer.valueCoding;
    if (coding.system !== undefined && coding.system !== urls.scaleSystem) {
      errors.push({ path: `${path}.answer[0].valueCoding.system`, message: `Unknown answer system ${coding.system}` });
      continue;
    }
    const weight = readWeight(coding.extension) ?? readWeight(answer.extension);
    const fromCode = coding.code === undefined ? undefined : Number(coding.code);
    // Without a code, fall back to the weight and undo the keying: raw = min + max − weight for reverse items.
    const fromWeight = weight === undefined ? undefined : entry.isReverse ? min + max - weight : weight;
    const raw = fromCode ?? fromWeight;
    if (raw === undefined || !Number.isInteger(raw) || raw < min || raw > max) {
      errors.push({ path: `${path}.answer[0].valueCoding`, message: `Question "${item.linkId}" needs a code or weight from ${min} to ${max}` });
      continue;
    }
    if (fromCode !== undefined && fromWeight !== undefined && fromCode !== fromWeight) {
      errors.push({ path: `${path}.answer[0].valueCoding`, message: `Question "${item.linkId}": code ${fromCode} and weight ${weight} disagree` });
      continue;
    }
    if (answers[entry.id] !== undefined) {
      errors.push({ path, message: `Question "${item.linkId}" appears twice` });
      continue;
    }
    answers[entry.id] = raw;
  }
  if (errors.length > 0) return { ok: false, errors };
  const value: ImportedResponse = { answers, status: response.status };
  if (response.authored !== undefined) value.authored = response.authored;
  return { ok: true, value };
}
