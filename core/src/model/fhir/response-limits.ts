// Size limits checked before a QuestionnaireResponse is parsed. Our own responses are flat and hold
// about 60 items, so these bounds leave room for other tools' grouping while refusing abuse.
import type { ModelIssue } from "./model-result.js";

export type FhirImportLimits = { maxDepth: number; maxItems: number; maxAnswers: number };

export const FHIR_IMPORT_LIMITS: FhirImportLimits = { maxDepth: 8, maxItems: 1_000, maxAnswers: 1_000 };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** The first limit the input breaks, or undefined. Iterative, so depth cannot overflow the stack. */
export function checkResponseSize(input: unknown, limits: FhirImportLimits): ModelIssue | undefined {
  if (!isRecord(input) || !Array.isArray(input.item)) return undefined;
  const stack: Array<{ items: unknown[]; depth: number; path: string }> = [{ items: input.item, depth: 1, path: "item" }];
  let items = 0;
  let answers = 0;
  for (let next = stack.pop(); next !== undefined; next = stack.pop()) {
    if (next.depth > limits.maxDepth) return { path: next.path, message: `Items are nested more than ${limits.maxDepth} levels deep` };
    items += next.items.length;
    if (items > limits.maxItems) return { path: next.path, message: `More than ${limits.maxItems} items` };
    for (const [index, entry] of next.items.entries()) {
      if (!isRecord(entry)) continue;
      if (Array.isArray(entry.answer)) answers += entry.answer.length;
      if (answers > limits.maxAnswers) return { path: `${next.path}[${index}].answer`, message: `More than ${limits.maxAnswers} answers` };
      if (Array.isArray(entry.item)) stack.push({ items: entry.item, depth: next.depth + 1, path: `${next.path}[${index}].item` });
    }
  }
  return undefined;
}
