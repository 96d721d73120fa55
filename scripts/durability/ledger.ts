// What the clients know, and so what the database must hold (decision 019). A person's writes go
// one at a time, so their order is known: per ISO week, the answer to the last acknowledged write
// is the stored state. A write sent when the server died is "pending" until it is retried with its key.
import type { CurrentCheckInResponse } from "@mutual/core";
import type { Person } from "./people.js";
import type { Random } from "./random.js";

export const scoredFields = ["spokeUp", "feltHeard", "backedPartner", "feltBacked", "friendsFamilyHours", "wePulse", "mePulse"] as const;
export type ScoredField = (typeof scoredFields)[number];

export type Answers = Record<ScoredField, number | null> & { note: string | null };
export type CheckInBody = { timeZone: string; answers: Answers };
export type Write = { key: string; body: CheckInBody };
export type AcknowledgedWrite = Write & { week: string };

export type PersonLedger = {
  person: Person;
  /** Per ISO week: the answer to the last acknowledged write (what a replay or a read must return now). */
  latest: Map<string, CurrentCheckInResponse>;
  acknowledged: AcknowledgedWrite[];
  /** Sent, no complete answer: it may or may not have committed. */
  pending: Write | undefined;
  /** Writes made so far (numbers each key, so keys never repeat across cycles). */
  writesMade: number;
};

export function newLedger(person: Person): PersonLedger {
  return { person, latest: new Map(), acknowledged: [], pending: undefined, writesMade: 0 };
}

export function acknowledge(ledger: PersonLedger, write: Write, answer: CurrentCheckInResponse): void {
  ledger.latest.set(answer.week, answer);
  ledger.acknowledged.push({ ...write, week: answer.week });
  if (ledger.pending?.key === write.key) ledger.pending = undefined;
}

/** A fresh check-in: any answer may be skipped; about half carry a note, some of them long. */
export function randomWrite(random: Random, person: Person, sequence: number): Write {
  const maybe = (value: () => number) => (random.chance(0.15) ? null : value());
  const answers: Answers = {
    spokeUp: maybe(() => random.int(0, 4)),
    feltHeard: maybe(() => random.int(0, 4)),
    backedPartner: maybe(() => random.int(0, 4)),
    feltBacked: maybe(() => random.int(0, 4)),
    friendsFamilyHours: maybe(() => random.int(0, 200) / 2),
    wePulse: maybe(() => random.int(1, 7)),
    mePulse: maybe(() => random.int(1, 7)),
    note: random.chance(0.5) ? null : `Write ${sequence} of writer ${person.index}: ${random.token(random.chance(0.1) ? 1500 : random.int(1, 80))}`,
  };
  return { key: `durability-${person.index}-${sequence}-${random.token(12)}`, body: { timeZone: person.timeZone, answers } };
}

/** How the server must present the write it stored (scored answers field by field, the note as sent). */
export function expectedView(body: CheckInBody): { answers: Record<ScoredField, number | null>; note: string | null } {
  const answers = Object.fromEntries(scoredFields.map((field) => [field, body.answers[field]])) as Record<ScoredField, number | null>;
  return { answers, note: body.answers.note };
}
