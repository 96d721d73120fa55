// A counsellor's view of a client member's own words (decision 015, the `notes` scope): check-in
// notes and exercise reflections. Read through the check-in and exercises modules (which decrypt
// them, as for their owner), only for members who share notes at this request, and audited in the
// read's transaction: the client detail is the only read that carries them (the dashboard does not).
import type { Kysely } from "kysely";
import type { ClientNotes, CounsellingScope, Language } from "@mutual/core";
import type { DB } from "../../db/schema.js";
import type { Keyring } from "../../platform/crypto.js";
import { listCheckInNotesOf, type CheckInNote } from "../check-in/index.js";
import type { NewDataView } from "../data-views/index.js";
import { listReflectionsOf, type ExerciseReflection } from "../exercises/index.js";

const weekMs = 7 * 24 * 60 * 60 * 1000;

/**
 * How far back the detail reaches: 26 weeks, about six months. That covers the stretch between a
 * counsellor's reviews of a course of sessions, and keeps the page and its printed report short
 * enough to read; the whole history stays one click away in the client's CSV export.
 */
export const NOTES_WINDOW_WEEKS = 26;

/** One check-in a week fills the window with at most 27 notes (a window can touch 27 ISO weeks). */
const MAX_CHECK_IN_NOTES = NOTES_WINDOW_WEEKS + 1;

/**
 * Exercises can be done several times a week, so reflections get a cap of their own: 50, about two
 * a week over the window, bounds the answer (4,000 characters at most each) near 200 KB, and what is
 * left out is still in the CSV export.
 */
const MAX_REFLECTIONS = 50;

export type MemberNotes = { sinceMs: number; checkInNotes: CheckInNote[]; reflections: ExerciseReflection[] };

/**
 * The notes of each member who shares the notes scope in `scopes` (read in the caller's transaction,
 * as the other scopes are), keyed by user id; a member without it is absent and nothing of theirs is read.
 */
export async function readMemberNotes(
  trx: Kysely<DB>,
  kek: Keyring,
  members: ReadonlyArray<{ userId: string; scopes: readonly CounsellingScope[] }>,
  now: number,
  /** The language of the exercises' titles: the counsellor's page's. */
  language: Language = "en",
): Promise<Map<string, MemberNotes>> {
  const sinceMs = now - NOTES_WINDOW_WEEKS * weekMs;
  const notes = new Map<string, MemberNotes>();
  for (const member of members) {
    if (!member.scopes.includes("notes")) continue;
    const checkInNotes = await listCheckInNotesOf(trx, kek, member.userId, { sinceMs, limit: MAX_CHECK_IN_NOTES });
    const reflections = await listReflectionsOf(trx, kek, member.userId, { sinceMs, limit: MAX_REFLECTIONS }, language);
    notes.set(member.userId, { sinceMs, checkInNotes, reflections });
  }
  return notes;
}

/**
 * One data_view row (scope notes, role counsellor) per member whose notes were read: also when they
 * had none in the window, since the counsellor then learns that, as with an empty list of check-ins.
 */
export function notesDataViews(counsellorId: string, counsellorName: string, notes: ReadonlyMap<string, MemberNotes>, now: number): NewDataView[] {
  return [...notes.keys()].map((ownerId) => ({
    ownerId,
    viewerId: counsellorId,
    viewerName: counsellorName,
    viewerRole: "counsellor" as const,
    scope: "notes" as const,
    viewedAt: now,
  }));
}

const iso = (ms: number) => new Date(ms).toISOString();

/** The fields of a member's notes that leave the server. */
export function presentMemberNotes(notes: MemberNotes): ClientNotes {
  return {
    since: iso(notes.sinceMs),
    checkInNotes: notes.checkInNotes.map((note) => ({ week: note.week, writtenAt: iso(note.writtenAtMs), text: note.text })),
    reflections: notes.reflections.map((entry) => ({
      exerciseId: entry.exerciseId,
      title: entry.title,
      practice: entry.practice,
      completedAt: iso(entry.completedAtMs),
      text: entry.text,
    })),
  };
}
