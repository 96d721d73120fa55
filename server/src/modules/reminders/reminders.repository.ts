import type { Kysely } from "kysely";
import type { DB } from "../../db/schema.js";

export type ReminderRow = {
  userId: string;
  enabled: boolean;
  weekday: number;
  minuteOfDay: number;
  timeZone: string | null;
  channel: string;
  quietStart: number | null;
  quietEnd: number | null;
  nextDueAtMs: number | null;
  isSnoozed: boolean;
  promptAnswered: boolean;
};

const columns = [
  "user_id",
  "enabled",
  "weekday",
  "minute_of_day",
  "time_zone",
  "channel",
  "quiet_start",
  "quiet_end",
  "next_due_at",
  "is_snoozed",
  "prompt_answered",
] as const;

type StoredRow = {
  user_id: string;
  enabled: number;
  weekday: number;
  minute_of_day: number;
  time_zone: string | null;
  channel: string;
  quiet_start: number | null;
  quiet_end: number | null;
  next_due_at: number | string | null;
  is_snoozed: number;
  prompt_answered: number;
};

function toRow(row: StoredRow): ReminderRow {
  return {
    userId: row.user_id,
    enabled: Number(row.enabled) === 1,
    weekday: Number(row.weekday),
    minuteOfDay: Number(row.minute_of_day),
    timeZone: row.time_zone,
    channel: row.channel,
    quietStart: row.quiet_start === null ? null : Number(row.quiet_start),
    quietEnd: row.quiet_end === null ? null : Number(row.quiet_end),
    nextDueAtMs: row.next_due_at === null ? null : Number(row.next_due_at),
    isSnoozed: Number(row.is_snoozed) === 1,
    promptAnswered: Number(row.prompt_answered) === 1,
  };
}

/** The person's reminder row, or undefined when they never chose anything. */
export async function findReminder(db: Kysely<DB>, userId: string): Promise<ReminderRow | undefined> {
  const row = await db.selectFrom("reminder_setting").select(columns).where("user_id", "=", userId).executeTakeFirst();
  return row ? toRow(row) : undefined;
}

/** One row per person, replaced whole. */
export async function saveReminder(db: Kysely<DB>, row: ReminderRow, nowMs: number): Promise<void> {
  const values = {
    enabled: row.enabled ? 1 : 0,
    weekday: row.weekday,
    minute_of_day: row.minuteOfDay,
    time_zone: row.timeZone,
    channel: row.channel,
    quiet_start: row.quietStart,
    quiet_end: row.quietEnd,
    next_due_at: row.nextDueAtMs,
    is_snoozed: row.isSnoozed ? 1 : 0,
    prompt_answered: row.promptAnswered ? 1 : 0,
    updated_at: nowMs,
  };
  await db
    .insertInto("reminder_setting")
    .values({ user_id: row.userId, ...values })
    .onConflict((conflict) => conflict.column("user_id").doUpdateSet(values))
    .execute();
}

/** Turns the person's reminders off (the one-click unsubscribe); true when they had a row. */
export async function switchReminderOff(db: Kysely<DB>, userId: string, nowMs: number): Promise<boolean> {
  const result = await db
    .updateTable("reminder_setting")
    .set({ enabled: 0, next_due_at: null, is_snoozed: 0, prompt_answered: 1, updated_at: nowMs })
    .where("user_id", "=", userId)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** Reminders switched on whose next time has come, oldest first. */
export async function listDueReminders(db: Kysely<DB>, nowMs: number, limit: number): Promise<ReminderRow[]> {
  const rows = await db
    .selectFrom("reminder_setting")
    .select(columns)
    .where("enabled", "=", 1)
    .where("next_due_at", "is not", null)
    .where("next_due_at", "<=", nowMs)
    .orderBy("next_due_at")
    .limit(limit)
    .execute();
  return rows.map(toRow);
}

/** Moves a reminder's next time on (after its outbox row is written, in the same transaction). */
export async function setNextDue(db: Kysely<DB>, userId: string, nextDueAtMs: number): Promise<void> {
  await db.updateTable("reminder_setting").set({ next_due_at: nextDueAtMs, is_snoozed: 0 }).where("user_id", "=", userId).execute();
}
