import {
  labelScalePoint,
  localizeItem,
  orderItemSections,
  translationStatusOf,
  type CurrentAssessmentResponse,
  type InProgressAssessment,
  type Instrument,
  type Language,
} from "@mutual/core";
import { retakeAvailableAt, type AssessmentRecord, type StoredAnswer } from "./assessment.policy.js";

/**
 * An assessment in progress in this person's own item order, with their saved answers, its
 * statements and scale in the language the page asked for (English where a translation lacks one).
 */
export function presentInProgress(
  instrument: Instrument,
  record: AssessmentRecord,
  answers: readonly StoredAnswer[],
  language: Language,
): InProgressAssessment {
  const statement = (itemId: string) => {
    const entry = instrument.items.find((candidate) => candidate.id === itemId);
    return entry === undefined ? "" : localizeItem(instrument, entry, language).text;
  };
  const status = translationStatusOf(instrument, language);
  const sections = orderItemSections(instrument, record.userId).map((section) => ({
    id: section.id,
    items: section.itemIds.map((itemId) => ({ id: itemId, text: statement(itemId) })),
  }));
  const known = new Set(instrument.items.map((entry) => entry.id));
  const saved = answers.filter((answer) => known.has(answer.itemId));
  return {
    id: record.id,
    startedAt: new Date(record.startedAt).toISOString(),
    sections,
    answers: Object.fromEntries(saved.map((answer) => [answer.itemId, answer.value])),
    answeredCount: saved.length,
    totalCount: instrument.items.length,
    scale: instrument.scale.points.map((point) => ({ value: point.value, label: labelScalePoint(instrument, point.value, language) })),
    language: status === "missing" ? "en" : language,
    translationStatus: status,
  };
}

export function presentCurrent(inProgress: InProgressAssessment | null, completed: readonly AssessmentRecord[]): CurrentAssessmentResponse {
  const last = completed.at(-1);
  const lastCompletedAt = last?.completedAt ?? null;
  const availableAt = retakeAvailableAt(lastCompletedAt);
  return {
    inProgress,
    completedCount: completed.length,
    lastCompletedAt: lastCompletedAt === null ? null : new Date(lastCompletedAt).toISOString(),
    retakeAvailableAt: availableAt === null ? null : new Date(availableAt).toISOString(),
  };
}
