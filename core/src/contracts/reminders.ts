// A person's own weekly reminder (issue 17): off until they turn it on; a weekday and time in
// their own time zone, quiet hours, a week's snooze. Nothing about them but when to write.
import { z } from "zod";
import { timeZoneSchema } from "./check-in.js";

/** "HH:MM", 00:00 to 23:59, in the person's own time zone. */
export const localTimeSchema = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: "must be a time such as 09:00" });

/** By email, by push to the devices the person turned push on for, or both. */
export const REMINDER_CHANNELS = ["email", "push", "both"] as const;
export type ReminderChannel = (typeof REMINDER_CHANNELS)[number];

/** What the person chooses (PUT /api/reminders, whole). */
export const reminderSettingsSchema = z
  .object({
    enabled: z.boolean(),
    /** ISO weekday: 1 = Monday … 7 = Sunday. */
    weekday: z.int().min(1).max(7),
    time: localTimeSchema,
    timeZone: timeZoneSchema,
    channel: z.enum(REMINDER_CHANNELS),
    /** Nothing is sent from `start` until `end` (it may span midnight); null for none. */
    quietHours: z.object({ start: localTimeSchema, end: localTimeSchema }).strict().nullable(),
  })
  .strict();
export type ReminderSettings = z.infer<typeof reminderSettingsSchema>;

/** GET /api/reminders and the answer to every change. */
export const reminderStateSchema = z.object({
  settings: reminderSettingsSchema,
  /** When the next reminder goes out (ISO instant), or null while reminders are off. */
  nextAt: z.string().nullable(),
  /** The person skipped one week: `nextAt` is the one after. */
  isSnoozed: z.boolean(),
  /** The person has answered the one-time question after their first check-in (or set reminders up). */
  hasAnsweredPrompt: z.boolean(),
});
export type ReminderState = z.infer<typeof reminderStateSchema>;

/** GET /api/reminders?timeZone=…: the browser's zone, for a person who never chose one. */
export const reminderQuerySchema = z.object({ timeZone: timeZoneSchema });

/** POST /api/reminders/snooze: no fields. */
export const reminderSnoozeBodySchema = z.object({}).strict();

/** POST /api/reminders/prompt-answered: "not now" to the one-time question, with the browser's zone. */
export const reminderPromptBodySchema = z.object({ timeZone: timeZoneSchema }).strict();

/** The settings of a person who never chose: off, Monday 09:00, by email, no quiet hours. */
export function defaultReminderSettings(timeZone: string): ReminderSettings {
  return { enabled: false, weekday: 1, time: "09:00", timeZone, channel: "email", quietHours: null };
}

/** /unsubscribe/reminders?token=… (RFC 8058 one-click): the signed token from the email's List-Unsubscribe header. */
export const unsubscribeQuerySchema = z.object({ token: z.string().min(10).max(300) }).strict();
