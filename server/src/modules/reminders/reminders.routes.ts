import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import {
  reminderPromptBodySchema,
  reminderQuerySchema,
  reminderSettingsSchema,
  reminderSnoozeBodySchema,
  reminderStateSchema,
  unsubscribeQuerySchema,
} from "@mutual/core";
import { badRequest } from "../../domain/errors.js";
import { requestLanguage } from "../../http/request-language.js";
import { actorOf } from "../../http/route-access.js";
import { presentReminderState } from "./reminders.presenter.js";
import {
  answerReminderPrompt,
  getReminderState,
  putReminderSettings,
  reminderCalendar,
  snoozeReminder,
  unsubscribeWithToken,
  type RemindersDeps,
} from "./reminders.service.js";
import type { ReminderTokens } from "./reminder-token.js";

export type RemindersRoutesOptions = RemindersDeps & { tokens: ReminderTokens; publicUrl: string };

/** The caller's own weekly reminder: read, replace, snooze a week, answer the one-time question. Nobody reads anyone else's. */
export const remindersRoutes: FastifyPluginAsyncZod<RemindersRoutesOptions> = async (app, { db, clock, publicUrl }) => {
  const deps = { db, clock };
  const response = { 200: reminderStateSchema };
  app.get("/api/reminders", { config: { access: "signed-in" }, schema: { querystring: reminderQuerySchema, response } }, async (request) =>
    presentReminderState(await getReminderState(deps, actorOf(request).userId, request.query.timeZone)),
  );
  app.put("/api/reminders", { config: { access: "signed-in" }, schema: { body: reminderSettingsSchema, response } }, async (request) =>
    presentReminderState(await putReminderSettings(deps, actorOf(request).userId, request.body)),
  );
  app.post("/api/reminders/snooze", { config: { access: "signed-in" }, schema: { body: reminderSnoozeBodySchema, response } }, async (request) =>
    presentReminderState(await snoozeReminder(deps, actorOf(request).userId)),
  );
  // The weekly time as a calendar file to add to any calendar (opt-in: only when asked for).
  app.get("/api/reminders/calendar.ics", { config: { access: "signed-in" }, schema: { hide: true } }, async (request, reply) => {
    const ics = await reminderCalendar(deps, actorOf(request).userId, publicUrl, requestLanguage(request));
    return reply.type("text/calendar; charset=utf-8").header("content-disposition", 'attachment; filename="weekly-moment.ics"').send(ics);
  });
  app.post("/api/reminders/prompt-answered", { config: { access: "signed-in" }, schema: { body: reminderPromptBodySchema, response } }, async (request) =>
    presentReminderState(await answerReminderPrompt(deps, actorOf(request).userId, request.body.timeZone)),
  );
};

/**
 * POST /unsubscribe/reminders?token=…: the one-click unsubscribe of RFC 8058, which a mail reader
 * sends from its own servers (no cookie, no Origin, a form body saying "List-Unsubscribe=One-Click").
 * It lives outside /api/ because the API refuses requests that do not come from our pages, and
 * takes form bodies only here. The signed token is the whole authority: it turns off that one
 * person's reminders and nothing else.
 */
export const unsubscribeRoutes: FastifyPluginAsyncZod<RemindersRoutesOptions> = async (app, { db, clock, tokens }) => {
  // Mail readers post a form; the body's only field is fixed by the RFC and carries nothing we need.
  for (const type of ["application/x-www-form-urlencoded", "multipart/form-data"]) {
    app.addContentTypeParser(type, { parseAs: "string", bodyLimit: 1024 }, (_request, _body, done) => done(null, undefined));
  }
  app.post("/unsubscribe/reminders", { config: { access: "public" }, schema: { querystring: unsubscribeQuerySchema, hide: true } }, async (request, reply) => {
    if (!(await unsubscribeWithToken({ db, clock, tokens }, request.query.token)))
      throw badRequest("INVALID_TOKEN", "This link is not valid. You can turn reminders off in your account settings.");
    return reply
      .header("cache-control", "no-store")
      .type("text/plain; charset=utf-8")
      .send("Reminder emails are off. You can turn them back on in your account settings.\n");
  });
};
