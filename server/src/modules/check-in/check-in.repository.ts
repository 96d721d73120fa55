import { randomUUID } from "node:crypto";
import type { Kysely, Selectable, SelectQueryBuilder } from "kysely";
import type { CheckInTable, DB } from "../../db/schema.js";

/** The scored answers as stored: one nullable column each. */
export type StoredScores = {
  spokeUp: number | null;
  feltHeard: number | null;
  backedPartner: number | null;
  feltBacked: number | null;
  friendsFamilyHours: number | null;
  wePulse: number | null;
  mePulse: number | null;
};

export type CheckInRecord = {
  id: string;
  week: string;
  timeZone: string;
  scores: StoredScores;
  noteSealed: string | null;
  noteKeyId: string | null;
  createdAtMs: number;
  updatedAtMs: number;
};

const columns = [
  "id",
  "iso_week",
  "time_zone",
  "spoke_up",
  "felt_heard",
  "backed_partner",
  "felt_backed",
  "friends_family_hours",
  "we_pulse",
  "me_pulse",
  "note_sealed",
  "note_key_id",
  "created_at",
  "updated_at",
] as const;

// A selected row: every column but the owner, as the database returns it.
type Row = Omit<Selectable<CheckInTable>, "user_id" | "language">;

const numberOrNull = (value: number | string | null): number | null => (value === null ? null : Number(value));

function toRecord(row: Row): CheckInRecord {
  return {
    id: row.id,
    week: row.iso_week,
    timeZone: row.time_zone,
    scores: {
      spokeUp: numberOrNull(row.spoke_up),
      feltHeard: numberOrNull(row.felt_heard),
      backedPartner: numberOrNull(row.backed_partner),
      feltBacked: numberOrNull(row.felt_backed),
      friendsFamilyHours: numberOrNull(row.friends_family_hours),
      wePulse: numberOrNull(row.we_pulse),
      mePulse: numberOrNull(row.me_pulse),
    },
    noteSealed: row.note_sealed,
    noteKeyId: row.note_key_id,
    createdAtMs: Number(row.created_at),
    updatedAtMs: Number(row.updated_at),
  };
}

export async function findCheckIn(db: Kysely<DB>, userId: string, week: string): Promise<CheckInRecord | undefined> {
  const row = await db.selectFrom("check_in").select(columns).where("user_id", "=", userId).where("iso_week", "=", week).executeTakeFirst();
  return row ? toRecord(row) : undefined;
}

/** Every check-in of one person, oldest week first. */
export async function listCheckIns(db: Kysely<DB>, userId: string): Promise<CheckInRecord[]> {
  const rows = await db.selectFrom("check_in").select(columns).where("user_id", "=", userId).orderBy("iso_week", "asc").execute();
  return rows.map(toRecord);
}

/**
 * One person's check-ins that hold a note, written at or after `sinceMs`, newest week first, at
 * most `limit`: the bounded read behind a counsellor's view of notes (the note stays sealed here).
 */
export async function listNotedCheckIns(db: Kysely<DB>, userId: string, sinceMs: number, limit: number): Promise<CheckInRecord[]> {
  const rows = await db
    .selectFrom("check_in")
    .select(columns)
    .where("user_id", "=", userId)
    .where("note_sealed", "is not", null)
    .where("updated_at", ">=", sinceMs)
    .orderBy("iso_week", "desc")
    .limit(limit)
    .execute();
  return rows.map(toRecord);
}

/** Creates this week's check-in or replaces it whole (one row per person and ISO week). */
export async function upsertCheckIn(
  db: Kysely<DB>,
  values: {
    userId: string;
    week: string;
    timeZone: string;
    scores: StoredScores;
    noteSealed: string | null;
    noteKeyId: string | null;
    nowMs: number;
    language?: string;
  },
): Promise<CheckInRecord> {
  const replaced = {
    time_zone: values.timeZone,
    language: values.language ?? "en",
    spoke_up: values.scores.spokeUp,
    felt_heard: values.scores.feltHeard,
    backed_partner: values.scores.backedPartner,
    felt_backed: values.scores.feltBacked,
    friends_family_hours: values.scores.friendsFamilyHours,
    we_pulse: values.scores.wePulse,
    me_pulse: values.scores.mePulse,
    note_sealed: values.noteSealed,
    note_key_id: values.noteKeyId,
    updated_at: values.nowMs,
  };
  const stored = await db
    .insertInto("check_in")
    .values({ id: randomUUID(), user_id: values.userId, iso_week: values.week, created_at: values.nowMs, ...replaced })
    .onConflict((conflict) => conflict.columns(["user_id", "iso_week"]).doUpdateSet(replaced))
    .returning(columns)
    .executeTakeFirstOrThrow();
  await keepLatest(db, values.userId, values.week, values.nowMs);
  return toRecord(stored);
}

/**
 * Keeps check_in_latest (decision 016) in the write's transaction: the person's latest week and
 * when it was written. A write to an earlier week (the demo's past weeks) leaves it as it is.
 */
async function keepLatest(db: Kysely<DB>, userId: string, week: string, nowMs: number): Promise<void> {
  await db
    .insertInto("check_in_latest")
    .values({ user_id: userId, iso_week: week, updated_at: nowMs })
    .onConflict((conflict) => conflict.column("user_id").doUpdateSet({ iso_week: week, updated_at: nowMs }).where("check_in_latest.iso_week", "<=", week))
    .execute();
}

/** One person's newest check-ins, newest week first, at most `limit`: all a trend as of the latest week can read. */
export async function listNewestCheckIns(db: Kysely<DB>, userId: string, limit: number): Promise<CheckInRecord[]> {
  const rows = await db.selectFrom("check_in").select(columns).where("user_id", "=", userId).orderBy("iso_week", "desc").limit(limit).execute();
  return rows.map(toRecord);
}

/** A page of the people who have a latest check-in, after `afterUserId` (keyset by user id). */
export async function listPeopleWithLatest(db: Kysely<DB>, afterUserId: string, limit: number): Promise<string[]> {
  const rows = await db.selectFrom("check_in_latest").select("user_id").where("user_id", ">", afterUserId).orderBy("user_id").limit(limit).execute();
  return rows.map((row) => row.user_id);
}

/** Stores whether a pulse was declining as of the person's latest check-in (check_in_latest, decision 035). */
export async function setLatestDecline(db: Kysely<DB>, userId: string, isDeclining: boolean): Promise<void> {
  await db
    .updateTable("check_in_latest")
    .set({ pulse_declining: isDeclining ? 1 : 0 })
    .where("user_id", "=", userId)
    .execute();
}

/** A subquery selecting the people whose rows to read (one column, user_id). */
export type PeopleQuery = SelectQueryBuilder<DB, keyof DB, { user_id: string }>;

/** `isDeclining`: a pulse showed a sustained decline as of that week (false when it was never worked out). */
export type LatestCheckIn = { userId: string; week: string; updatedAtMs: number; isDeclining: boolean };

/** The latest check-in week of everyone the subquery selects (people without one are absent). */
export async function listLatestOfPeople(db: Kysely<DB>, people: PeopleQuery): Promise<LatestCheckIn[]> {
  const rows = await db.selectFrom("check_in_latest").select(["user_id", "iso_week", "updated_at", "pulse_declining"]).where("user_id", "in", people).execute();
  return rows.map((row) => ({ userId: row.user_id, week: row.iso_week, updatedAtMs: Number(row.updated_at), isDeclining: Number(row.pulse_declining) === 1 }));
}
