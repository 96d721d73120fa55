import type { ReminderState } from "@mutual/core";

/** The allow-list of what /api/reminders returns, field by field. */
export function presentReminderState(state: ReminderState): ReminderState {
  const { settings } = state;
  return {
    settings: {
      enabled: settings.enabled,
      weekday: settings.weekday,
      time: settings.time,
      timeZone: settings.timeZone,
      channel: settings.channel,
      quietHours: settings.quietHours ? { start: settings.quietHours.start, end: settings.quietHours.end } : null,
    },
    nextAt: state.nextAt,
    isSnoozed: state.isSnoozed,
    hasAnsweredPrompt: state.hasAnsweredPrompt,
  };
}
