import { INTERDEPENDENCE_PROFILE_V1, RETAKE_AFTER_DAYS, findItem, type AnswerLanguage, type Instrument, type ProfileAnswers } from "@mutual/core";
import { DomainError } from "../../domain/errors.js";

/** One assessment as stored; times in epoch milliseconds. */
export type AssessmentRecord = {
  id: string;
  userId: string;
  instrumentId: string;
  instrumentVersion: string;
  status: "in_progress" | "completed";
  startedAt: number;
  completedAt: number | null;
  /** The language its statements were answered in, or "mixed" (decision 085). */
  language: AnswerLanguage;
};

export type StoredAnswer = { itemId: string; value: number; answeredAt: number };

const dayMs = 24 * 60 * 60 * 1000;

/** The instrument new assessments use. */
export const CURRENT_INSTRUMENT: Instrument = INTERDEPENDENCE_PROFILE_V1;

const instruments: readonly Instrument[] = [INTERDEPENDENCE_PROFILE_V1];

/** The instrument an assessment was taken with (its answers are read only against that version). */
export function instrumentOf(record: Pick<AssessmentRecord, "instrumentId" | "instrumentVersion">): Instrument {
  const found = instruments.find((entry) => entry.id === record.instrumentId && entry.version === record.instrumentVersion);
  if (!found) throw new Error(`Unknown instrument ${record.instrumentId}@${record.instrumentVersion}`);
  return found;
}

/** When a retake may start: RETAKE_AFTER_DAYS after the last completed profile, or null before the first. */
export function retakeAvailableAt(lastCompletedAt: number | null): number | null {
  return lastCompletedAt === null ? null : lastCompletedAt + RETAKE_AFTER_DAYS * dayMs;
}

/** A retake is offered once enough time has passed for a change to mean something. */
export function requireRetakeAllowed(lastCompletedAt: number | null, now: number): void {
  const availableAt = retakeAvailableAt(lastCompletedAt);
  if (availableAt !== null && now < availableAt) {
    throw new DomainError(409, "RETAKE_TOO_EARLY", `You can take the profile again from ${new Date(availableAt).toISOString().slice(0, 10)}.`);
  }
}

/** Only the owner's assessments exist for them; anyone else's reads as not found. */
export function requireOwn(record: AssessmentRecord | null): AssessmentRecord {
  if (!record) throw new DomainError(404, "NOT_FOUND", "No such assessment.");
  return record;
}

export function requireInProgress(record: AssessmentRecord): void {
  if (record.status !== "in_progress")
    throw new DomainError(409, "ALREADY_SUBMITTED", "This profile was already submitted; its answers are kept as they were.");
}

export function requireKnownItem(instrument: Instrument, itemId: string): void {
  if (!findItem(instrument, itemId)) throw new DomainError(400, "UNKNOWN_ITEM", "This question is not part of the profile.");
}

/** Stored answers as the model reads them. */
export function toProfileAnswers(answers: readonly StoredAnswer[]): ProfileAnswers {
  return Object.fromEntries(answers.map((answer) => [answer.itemId, answer.value]));
}
