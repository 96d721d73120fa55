export { remindersRoutes, unsubscribeRoutes } from "./reminders.routes.js";
export {
  getReminderForExport,
  noticeChannelOf,
  outOfQuietHours,
  reminderOutboxHandlers,
  weeklyPushNotice,
  weeklyPushReminderKind,
  weeklyReminderKind,
} from "./reminders.service.js";
export { createReminderTokens, type ReminderTokens } from "./reminder-token.js";
