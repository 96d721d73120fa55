import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { pino } from "pino";
import { buildTestApp, testAuthSecret, testPublicUrl, type TestApp } from "../../../test/build-test-app.js";
import { sameOrigin, signUp, type TestPerson } from "../../../test/auth-helpers.js";
import { startSmtpCapture, type CapturedEmail, type SmtpCapture } from "../../../test/smtp-capture.js";
import { sensitiveWordsIn } from "../../../test/neutral-words.js";
import { dialects } from "../../../test/test-databases.js";
import type { Mailer } from "../../platform/mailer.js";
import { claimHoldMs, runOutboxRound, type OutboxDeps } from "../outbox/index.js";
import { createReminderTokens, reminderOutboxHandlers } from "./index.js";

// Weekly reminders end to end, on both databases, with a clock the test moves: the person's own
// settings, the outbox round that turns a due reminder into a row and sends it through a real SMTP
// conversation, and the promises around it: the right local time in any zone and across a
// daylight-saving change, one email per person and week however many instances or restarts, retries
// that wait, a one-click unsubscribe that needs no sign-in, nothing after the account is deleted.

const minute = 60_000;
const silent = pino({ level: "silent" });
/** Words a reminder must never carry: someone else may see the inbox or the lock screen. */
const sensitiveWords = /partner|relationship|couple|counsel|score|safe|check-in result|profile|mutual/i;

class FakeClock {
  constructor(private current: Date) {}
  now = () => this.current;
  set(iso: string): Date {
    this.current = new Date(iso);
    return this.current;
  }
}

function settings(overrides: Record<string, unknown> = {}) {
  return { enabled: true, weekday: 1, time: "09:00", timeZone: "Asia/Singapore", channel: "email", quietHours: null, ...overrides };
}

describe.each(dialects)("[%s] weekly reminders", (dialect) => {
  let t: TestApp;
  let smtp: SmtpCapture;
  const clock = new FakeClock(new Date("2026-03-01T00:00:00Z"));
  const tokens = createReminderTokens(testAuthSecret);
  const handlers = reminderOutboxHandlers({ publicUrl: testPublicUrl, tokens });
  const outboxOf = (app: TestApp, mailer: Mailer = smtp.mailer): OutboxDeps => ({ database: app.database, mailer, clock, logger: silent, handlers });
  /** One outbox round at an instant, as the schedule would run it. */
  const roundAt = async (iso: string, app: TestApp = t, mailer?: Mailer) => runOutboxRound(outboxOf(app, mailer), clock.set(iso));

  beforeAll(async () => {
    t = await buildTestApp(dialect, { clock });
    smtp = await startSmtpCapture();
  });
  afterAll(async () => {
    await t.close();
    await smtp.close();
  });
  beforeEach(() => {
    smtp.received.length = 0;
  });

  const read = (person: TestPerson, timeZone = "Asia/Singapore") =>
    t.app.inject({ method: "GET", url: `/api/reminders?timeZone=${encodeURIComponent(timeZone)}`, headers: { cookie: person.cookie } });
  const put = (person: TestPerson, payload: unknown) =>
    t.app.inject({ method: "PUT", url: "/api/reminders", headers: { ...sameOrigin, cookie: person.cookie }, payload: payload as object });
  const post = (person: TestPerson, path: string, payload: unknown = {}) =>
    t.app.inject({ method: "POST", url: `/api/reminders/${path}`, headers: { ...sameOrigin, cookie: person.cookie }, payload: payload as object });
  const to = (person: TestPerson) => smtp.received.filter((email) => email.to.includes(person.email));

  it("needs a session for every setting", async () => {
    expect((await t.app.inject({ method: "GET", url: "/api/reminders?timeZone=UTC" })).statusCode).toBe(401);
    expect((await t.app.inject({ method: "PUT", url: "/api/reminders", headers: sameOrigin, payload: settings() })).statusCode).toBe(401);
    expect((await t.app.inject({ method: "POST", url: "/api/reminders/snooze", headers: sameOrigin, payload: {} })).statusCode).toBe(401);
  });

  it("is off until the person turns it on, and refuses bad settings with 400 without changing anything", async () => {
    clock.set("2026-03-01T00:00:00Z");
    const sam = await signUp(t.app);
    expect((await read(sam, "Europe/London")).json()).toEqual({
      settings: { enabled: false, weekday: 1, time: "09:00", timeZone: "Europe/London", channel: "email", quietHours: null },
      nextAt: null,
      isSnoozed: false,
      hasAnsweredPrompt: false,
    });
    expect((await put(sam, settings())).statusCode).toBe(200);
    for (const bad of [
      settings({ weekday: 8 }),
      settings({ weekday: 0 }),
      settings({ time: "24:00" }),
      settings({ time: "9am" }),
      settings({ timeZone: "Mars/Olympus" }),
      settings({ channel: "sms" }),
      settings({ quietHours: { start: "22:00" } }),
      settings({ userId: "someone-else" }),
      { enabled: true },
    ]) {
      const answer = await put(sam, bad);
      expect(answer.statusCode, JSON.stringify(bad)).toBe(400);
    }
    expect((await read(sam)).json().settings).toEqual(settings());
    const exported = await t.app.inject({ method: "GET", url: "/api/export", headers: { cookie: sam.cookie } });
    expect(exported.json().reminder).toMatchObject({ settings: settings(), isSnoozed: false });
    expect((await t.app.inject({ method: "GET", url: "/api/reminders?timeZone=Nowhere/Land", headers: { cookie: sam.cookie } })).statusCode).toBe(400);
    expect((await post(sam, "snooze", { weeks: 2 })).statusCode).toBe(400);
  });

  it("asks once: the answer to the question after the first check-in is kept", async () => {
    const ana = await signUp(t.app);
    const answered = await post(ana, "prompt-answered", { timeZone: "Asia/Singapore" });
    expect(answered.statusCode).toBe(200);
    expect(answered.json()).toMatchObject({ hasAnsweredPrompt: true, settings: { enabled: false } });
    expect((await read(ana)).json().hasAnsweredPrompt).toBe(true);
    expect((await post(ana, "snooze")).statusCode).toBe(409);
  });

  it("gives a calendar file with the weekly time and nothing about the person, once a time is chosen", async () => {
    clock.set("2026-03-01T00:00:00Z");
    const ray = await signUp(t.app);
    const calendar = () => t.app.inject({ method: "GET", url: "/api/reminders/calendar.ics", headers: { cookie: ray.cookie } });
    expect((await calendar()).statusCode).toBe(409);
    expect((await t.app.inject({ method: "GET", url: "/api/reminders/calendar.ics" })).statusCode).toBe(401);
    await put(ray, settings({ weekday: 3, time: "19:30", timeZone: "America/New_York", enabled: false }));
    const file = await calendar();
    expect(file.statusCode).toBe(200);
    expect(file.headers["content-type"]).toMatch(/^text\/calendar/);
    expect(file.headers["cache-control"]).toContain("no-store");
    const text = file.body.replace(/\r\n[ \t]/g, "");
    expect(text).toContain("RRULE:FREQ=WEEKLY;BYDAY=WE");
    // Wednesday 4 March 2026, 19:30 wall-clock time, with no zone attached (it follows the calendar's).
    expect(text).toMatch(/^DTSTART:20260304T193000$/m);
    expect(text).toContain("SUMMARY:Your weekly moment");
    expect(text).not.toContain(ray.email);
    expect(text).not.toContain(ray.name);
  });

  it("arrives at the chosen local time in each zone, keeps it across a daylight-saving change, and says nothing but that it is time", async () => {
    clock.set("2026-03-01T00:00:00Z");
    const singapore = await signUp(t.app);
    const newYork = await signUp(t.app);
    expect((await put(singapore, settings())).json().nextAt).toBe("2026-03-02T01:00:00.000Z");
    expect((await put(newYork, settings({ timeZone: "America/New_York" }))).json().nextAt).toBe("2026-03-02T14:00:00.000Z");

    await roundAt("2026-03-02T00:59:00Z");
    expect(to(singapore)).toHaveLength(0);
    await roundAt("2026-03-02T01:00:00Z");
    expect(to(singapore)).toHaveLength(1);
    await roundAt("2026-03-02T13:59:00Z");
    expect(to(newYork)).toHaveLength(0);
    await roundAt("2026-03-02T14:00:00Z");
    expect(to(newYork)).toHaveLength(1);
    expect(to(singapore)).toHaveLength(1);

    // New York's clocks go forward on 8 March: 09:00 is now 13:00 UTC.
    expect((await read(newYork, "America/New_York")).json().nextAt).toBe("2026-03-09T13:00:00.000Z");
    await roundAt("2026-03-09T12:59:00Z");
    expect(to(newYork)).toHaveLength(1);
    await roundAt("2026-03-09T13:00:00Z");
    expect(to(newYork)).toHaveLength(2);

    const email = to(singapore)[0] as CapturedEmail;
    expect(email.subject).toBe("Your weekly moment is ready");
    expect(email.text).not.toMatch(sensitiveWords);
    expect(email.subject).not.toMatch(sensitiveWords);
    expect(email.text).toContain(`${testPublicUrl}/check-in`);
    expect(email.text).not.toContain(singapore.name);
    expect(email.header("List-Unsubscribe-Post")).toBe("List-Unsubscribe=One-Click");
    expect(email.header("List-Unsubscribe")).toMatch(new RegExp(`^<${testPublicUrl}/unsubscribe/reminders\\?token=[A-Za-z0-9._-]+>$`));
  });

  it("speaks the language the person chose, read when it is sent: Malay, then Tamil after a switch, neutral in both", async () => {
    clock.set("2026-03-01T00:00:00Z");
    const aminah = await signUp(t.app);
    const chooseLanguage = async (language: string) =>
      expect(
        (await t.app.inject({ method: "PUT", url: "/api/preferences/language", headers: { ...sameOrigin, cookie: aminah.cookie }, payload: { language } }))
          .statusCode,
      ).toBe(200);
    await chooseLanguage("ms");
    await put(aminah, settings());
    await roundAt("2026-03-02T01:00:00Z");
    const [malay] = to(aminah);
    expect(malay?.subject).toBe("Saat mingguan anda sudah sedia");
    expect(malay?.text).toContain("Saat mingguan anda sudah sedia:");
    expect(malay?.text).toContain("Untuk menukar atau menghentikan e-mel ini:");
    expect(malay?.header("Content-Language")).toBe("ms");
    expect(malay?.text.replaceAll(testPublicUrl, "")).not.toMatch(sensitiveWordsIn.ms);

    // The next week's row is written at its time, but the words are chosen as it goes: after the switch, Tamil.
    await chooseLanguage("ta");
    await roundAt("2026-03-09T01:00:00Z");
    const tamil = to(aminah)[1];
    expect(tamil?.subject).toBe("உங்கள் வாராந்திரத் தருணம் தயார்");
    expect(tamil?.text).toContain("இந்த மின்னஞ்சல்களை மாற்ற அல்லது நிறுத்த:");
    expect(tamil?.header("Content-Language")).toBe("ta");
    // The Tamil subject travels as an RFC 2047 encoded word: the raw header is plain ASCII.
    expect(tamil?.raw).toMatch(/^Subject: =\?UTF-8\?[BQ]\?/im);
    expect(/^[\x20-\x7e]*$/.test(tamil?.header("Subject") ?? "")).toBe(true);
    expect(tamil?.text.replaceAll(testPublicUrl, "")).not.toMatch(sensitiveWordsIn.ta);

    // The calendar file's event title follows the page that asks for it.
    const calendar = await t.app.inject({ method: "GET", url: "/api/reminders/calendar.ics", headers: { cookie: aminah.cookie, "accept-language": "ms" } });
    expect(calendar.body.replace(/\r\n[ \t]/g, "")).toContain("SUMMARY:Saat mingguan anda");
  });

  it("sends one email per person and week, even when the time is changed after it went", async () => {
    clock.set("2026-03-16T00:00:00Z");
    const lee = await signUp(t.app);
    await put(lee, settings());
    await roundAt("2026-03-16T01:00:00Z");
    expect(to(lee)).toHaveLength(1);
    // Moved to later the same day: that week already had its reminder.
    await put(lee, settings({ time: "20:00" }));
    await roundAt("2026-03-16T12:00:00Z");
    await roundAt("2026-03-16T12:01:00Z");
    expect(to(lee)).toHaveLength(1);
    await roundAt("2026-03-23T12:00:00Z");
    expect(to(lee)).toHaveLength(2);
  });

  it("is not sent for a week whose check-in is already done", async () => {
    clock.set("2026-04-06T00:30:00Z");
    const kim = await signUp(t.app);
    await put(kim, settings());
    await t.app.inject({
      method: "POST",
      url: "/api/consent",
      headers: { ...sameOrigin, cookie: kim.cookie },
      payload: {
        noticeVersion: (await t.app.inject({ method: "GET", url: "/api/consent", headers: { cookie: kim.cookie } })).json().noticeVersion,
        agree: true,
      },
    });
    const checkIn = await t.app.inject({
      method: "PUT",
      url: "/api/check-ins/current",
      headers: { ...sameOrigin, cookie: kim.cookie },
      payload: { timeZone: "Asia/Singapore", answers: { wePulse: 5 } },
    });
    expect(checkIn.statusCode).toBe(200);
    await roundAt("2026-04-06T01:00:00Z");
    expect(to(kim)).toHaveLength(0);
    await roundAt("2026-04-13T01:00:00Z");
    expect(to(kim)).toHaveLength(1);
  });

  it("skips one week when snoozed, and moves out of quiet hours", async () => {
    clock.set("2026-05-01T00:00:00Z");
    const joy = await signUp(t.app);
    // 23:00 on Mondays, but quiet from 22:00 to 07:00: it comes at 07:00 on Tuesday (23:00 UTC Monday).
    expect((await put(joy, settings({ time: "23:00", quietHours: { start: "22:00", end: "07:00" } }))).json().nextAt).toBe("2026-05-04T23:00:00.000Z");
    const snoozed = await post(joy, "snooze");
    expect(snoozed.json()).toMatchObject({ isSnoozed: true, nextAt: "2026-05-11T23:00:00.000Z" });
    await roundAt("2026-05-04T23:00:00Z");
    expect(to(joy)).toHaveLength(0);
    await roundAt("2026-05-11T23:00:00Z");
    expect(to(joy)).toHaveLength(1);
    expect((await read(joy)).json()).toMatchObject({ isSnoozed: false, nextAt: "2026-05-18T23:00:00.000Z" });
  });

  it("tries again after a failed send, waiting longer each time", async () => {
    clock.set("2026-06-01T00:00:00Z");
    const max = await signUp(t.app);
    await put(max, settings());
    let failures = 1;
    const flaky: Mailer = {
      send: async (email) => {
        if (email.to === max.email && failures > 0) {
          failures -= 1;
          throw new Error("421 try again later");
        }
        await smtp.mailer.send(email);
      },
      close: () => undefined,
    };
    await roundAt("2026-06-01T01:00:00Z", t, flaky);
    expect(failures).toBe(0);
    expect(to(max)).toHaveLength(0);
    await roundAt("2026-06-01T01:00:30Z", t, flaky);
    expect(to(max)).toHaveLength(0);
    await roundAt("2026-06-01T01:01:00Z", t, flaky);
    expect(to(max)).toHaveLength(1);
  });

  it("goes out once across two instances on one database and across a crash and restart", async () => {
    clock.set("2026-07-06T00:00:00Z");
    const two = await buildTestApp(dialect, { clock, testDatabase: t.testDatabase });
    const ivy = await signUp(t.app);
    try {
      await put(ivy, settings());
      // Both instances wake for the same round, and for two rounds a moment apart: at the same
      // time on PostgreSQL; one after the other on SQLite, which is one process's database (decision 021).
      const rounds = [
        () => runOutboxRound(outboxOf(t), clock.set("2026-07-06T01:00:00Z")),
        () => runOutboxRound(outboxOf(two), new Date("2026-07-06T01:00:00Z")),
        () => runOutboxRound(outboxOf(t), new Date("2026-07-06T01:00:01Z")),
        () => runOutboxRound(outboxOf(two), new Date("2026-07-06T01:00:02Z")),
      ];
      const outcomes =
        dialect === "postgres"
          ? await Promise.all(rounds.map((round) => round()))
          : await rounds.reduce(async (done, round) => [...(await done), await round()], Promise.resolve([] as Awaited<ReturnType<typeof runOutboxRound>>[]));
      expect(outcomes.filter((outcome) => !outcome.outcome.ran)).not.toHaveLength(0);
      expect(to(ivy)).toHaveLength(1);

      // An instance claims next week's reminder and dies before sending it.
      let handed!: () => void;
      const reachedMailer = new Promise<void>((resolve) => (handed = resolve));
      const dying: Mailer = { send: () => (handed(), new Promise<void>(() => undefined)), close: () => undefined };
      // (Only the dying instance's mailer hangs; on SQLite its round has committed before it gets there.)
      void runOutboxRound(outboxOf(two, dying), clock.set("2026-07-13T01:00:00Z"));
      await reachedMailer;
      // While its claim holds, nobody else sends it; once it runs out, the other instance does, once.
      await roundAt("2026-07-13T01:05:00Z", t);
      expect(to(ivy)).toHaveLength(1);
      await roundAt(new Date(Date.parse("2026-07-13T01:00:00Z") + claimHoldMs + minute).toISOString(), t);
      expect(to(ivy)).toHaveLength(2);
    } finally {
      await two.close();
    }
    // A restarted instance finds nothing left to send.
    const restarted = await buildTestApp(dialect, { clock, testDatabase: t.testDatabase });
    try {
      await runOutboxRound(outboxOf(restarted), clock.set("2026-07-13T02:00:00Z"));
      await runOutboxRound(outboxOf(restarted), clock.set("2026-07-13T03:00:00Z"));
      expect(to(ivy)).toHaveLength(2);
    } finally {
      await restarted.close();
    }
  });

  it("stops with the one-click unsubscribe, without signing in, for that person only", async () => {
    clock.set("2026-08-01T00:00:00Z");
    const eve = await signUp(t.app);
    const bea = await signUp(t.app);
    await put(eve, settings());
    await put(bea, settings());
    await roundAt("2026-08-03T01:00:00Z");
    const link = /^<(.+)>$/.exec(to(eve)[0]?.header("List-Unsubscribe") ?? "")?.[1] ?? "";
    const path = link.slice(testPublicUrl.length);
    expect(path).toMatch(/^\/unsubscribe\/reminders\?token=/);

    // A tampered token and a missing one change nothing.
    const tampered = await t.app.inject({
      method: "POST",
      url: `${path.slice(0, -3)}xyz`,
      headers: { "content-type": "application/x-www-form-urlencoded" },
      payload: "List-Unsubscribe=One-Click",
    });
    expect(tampered.statusCode).toBe(400);
    expect(
      (
        await t.app.inject({
          method: "POST",
          url: "/unsubscribe/reminders",
          headers: { "content-type": "application/x-www-form-urlencoded" },
          payload: "List-Unsubscribe=One-Click",
        })
      ).statusCode,
    ).toBe(400);
    expect((await read(eve)).json().settings.enabled).toBe(true);
    // What a mail reader sends (RFC 8058): no cookie, no Origin, a form body.
    const unsubscribed = await t.app.inject({
      method: "POST",
      url: path,
      headers: { "content-type": "application/x-www-form-urlencoded" },
      payload: "List-Unsubscribe=One-Click",
    });
    expect(unsubscribed.statusCode).toBe(200);
    expect((await read(eve)).json()).toMatchObject({ settings: { enabled: false }, nextAt: null });
    expect((await read(bea)).json().settings.enabled).toBe(true);
    await roundAt("2026-08-10T01:00:00Z");
    expect(to(eve)).toHaveLength(1);
    expect(to(bea)).toHaveLength(2);
  });

  it("sends nothing to a deleted account, and its rows go with it", async () => {
    clock.set("2026-09-01T00:00:00Z");
    const gus = await signUp(t.app);
    await put(gus, settings());
    // Due and written to the outbox, but not yet sent (the mail server is down), then the account goes.
    const down: Mailer = { send: async () => Promise.reject(new Error("connection refused")), close: () => undefined };
    await roundAt("2026-09-07T01:00:00Z", t, down);
    const userId = (await t.app.inject({ method: "GET", url: "/api/me", headers: { cookie: gus.cookie } })).json().user.id as string;
    expect(await t.database.db.selectFrom("outbox_message").select("id").where("user_id", "=", userId).execute()).toHaveLength(1);
    const deleted = await t.app.inject({
      method: "POST",
      url: "/api/auth/delete-user",
      headers: { ...sameOrigin, cookie: gus.cookie },
      payload: { password: gus.password },
    });
    expect(deleted.statusCode).toBe(200);
    await roundAt("2026-09-07T01:05:00Z");
    await roundAt("2026-09-14T01:00:00Z");
    expect(to(gus)).toHaveLength(0);
    expect(await t.database.db.selectFrom("outbox_message").select("id").where("user_id", "=", userId).execute()).toHaveLength(0);
    expect(await t.database.db.selectFrom("reminder_setting").select("user_id").where("user_id", "=", userId).execute()).toHaveLength(0);
  });
});
