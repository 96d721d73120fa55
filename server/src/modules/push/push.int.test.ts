import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { pino } from "pino";
import {
  buildTestApp,
  createMemoryMailer,
  testAuthSecret,
  testPublicUrl,
  testVapidKeys,
  type MemoryMailer,
  type TestApp,
} from "../../../test/build-test-app.js";
import { sameOrigin, signUp, type TestPerson } from "../../../test/auth-helpers.js";
import { decryptPush, sensitiveWords, startTestPushService, type FakeDevice, type TestPushService } from "../../../test/push-service.js";
import { sensitiveWordsIn } from "../../../test/neutral-words.js";
import { dialects } from "../../../test/test-databases.js";
import { testKeyring } from "../../../test/build-test-app.js";
import { createPushSender } from "../../platform/web-push.js";
import { mergeOutboxHandlers, runOutboxRound, type OutboxDeps } from "../outbox/index.js";
import { createReminderTokens, reminderOutboxHandlers } from "../reminders/index.js";
import { createPushDeliverer } from "./index.js";

// Web Push end to end (decisions 060, 071, 072), on both databases, with a clock the test moves: a
// fake device (its own P-256 key pair and auth secret) subscribes; the outbox round sends the weekly
// reminder through `web-push` to a push service that is an HTTPS server in this test, which
// decrypts what arrives to check that it says nothing but the neutral sentence and a link. A
// device the push service says is gone (410) is forgotten; one push per person and week, and per
// device when another device fails and the notice is retried; nothing after the account is
// deleted; nothing to a private address unless the operator allows it.

const silent = pino({ level: "silent" });

class FakeClock {
  constructor(private current: Date) {}
  now = () => this.current;
  set(iso: string): Date {
    this.current = new Date(iso);
    return this.current;
  }
}

describe.each(dialects)("[%s] Web Push", (dialect) => {
  let t: TestApp;
  let mailer: MemoryMailer;
  let push: TestPushService;
  const clock = new FakeClock(new Date("2026-03-01T00:00:00Z"));
  const tokens = createReminderTokens(testAuthSecret);
  const handlers = mergeOutboxHandlers(reminderOutboxHandlers({ publicUrl: testPublicUrl, tokens }));
  /** The outbox as the server runs it; `allowPrivateEndpoints` as PUSH_ALLOW_PRIVATE_ENDPOINTS (the test's push service is on 127.0.0.1). */
  const outboxOf = (allowPrivateEndpoints = true): OutboxDeps => ({
    database: t.database,
    mailer,
    clock,
    logger: silent,
    handlers,
    push: createPushDeliverer({
      db: t.database.db,
      kek: testKeyring,
      clock,
      sender: createPushSender({ keys: testVapidKeys, subject: "mailto:operator@example.org", allowPrivateEndpoints, ca: push.ca }),
    }),
  });
  const roundAt = async (iso: string, allowPrivateEndpoints = true) => runOutboxRound(outboxOf(allowPrivateEndpoints), clock.set(iso));
  const newDevice = (origin?: string) => push.newDevice(origin);
  const to = (device: FakeDevice) => push.to(device);

  beforeAll(async () => {
    t = await buildTestApp(dialect, { clock, env: { PUSH_ALLOW_PRIVATE_ENDPOINTS: "true" } });
    mailer = createMemoryMailer();
    push = await startTestPushService();
  });
  afterAll(async () => {
    await t.close();
    await push.close();
  });
  beforeEach(() => {
    push.received.length = 0;
    push.answers.clear();
    mailer.sent.length = 0;
  });

  const subscribe = (person: TestPerson, payload: unknown) =>
    t.app.inject({ method: "POST", url: "/api/push/subscriptions", headers: { ...sameOrigin, cookie: person.cookie }, payload: payload as object });
  const unsubscribe = (person: TestPerson, endpoint: string) =>
    t.app.inject({ method: "POST", url: "/api/push/unsubscribe", headers: { ...sameOrigin, cookie: person.cookie }, payload: { endpoint } });
  const setReminder = (person: TestPerson, channel: string) =>
    t.app.inject({
      method: "PUT",
      url: "/api/reminders",
      headers: { ...sameOrigin, cookie: person.cookie },
      payload: { enabled: true, weekday: 1, time: "09:00", timeZone: "Asia/Singapore", channel, quietHours: null },
    });
  const userIdOf = async (person: TestPerson) =>
    (await t.app.inject({ method: "GET", url: "/api/me", headers: { cookie: person.cookie } })).json().user.id as string;
  const devicesOf = async (userId: string) => t.database.db.selectFrom("push_subscription").selectAll().where("user_id", "=", userId).execute();

  it("needs a session, and refuses a subscription that is not one with 400, storing nothing", async () => {
    const device = newDevice();
    expect((await t.app.inject({ method: "GET", url: "/api/push/public-key" })).statusCode).toBe(401);
    expect((await t.app.inject({ method: "POST", url: "/api/push/subscriptions", headers: sameOrigin, payload: device.subscription })).statusCode).toBe(401);
    const ann = await signUp(t.app);
    const keys = device.subscription.keys;
    for (const bad of [
      { ...device.subscription, endpoint: device.subscription.endpoint.replace("https:", "http:") },
      { ...device.subscription, endpoint: "not a url" },
      { ...device.subscription, endpoint: `https://user:secret@127.0.0.1/push/x` },
      { ...device.subscription, endpoint: `https://127.0.0.1/${"a".repeat(2100)}` },
      { ...device.subscription, keys: { ...keys, p256dh: keys.p256dh.slice(0, 40) } },
      { ...device.subscription, keys: { ...keys, auth: "!!!!" } },
      { ...device.subscription, keys: { p256dh: keys.p256dh } },
      { endpoint: device.subscription.endpoint },
      { ...device.subscription, extra: true },
    ]) {
      const refused = await subscribe(ann, bad);
      expect(refused.statusCode).toBe(400);
      expect(refused.json().error.code).toBeTypeOf("string");
    }
    expect(await devicesOf(await userIdOf(ann))).toHaveLength(0);
    const publicKey = await t.app.inject({ method: "GET", url: "/api/push/public-key", headers: { cookie: ann.cookie } });
    expect(publicKey.json()).toEqual({ publicKey: testVapidKeys.publicKey });
  });

  it("keeps the subscription sealed: neither the endpoint nor the device's keys are readable in the database", async () => {
    const bo = await signUp(t.app);
    const device = newDevice();
    expect((await subscribe(bo, device.subscription)).json()).toEqual({ devices: 1 });
    const [row] = await devicesOf(await userIdOf(bo));
    // In the person's export: the device, by when it was turned on, and nothing of the push service's.
    const exported = await t.app.inject({ method: "GET", url: "/api/export", headers: { cookie: bo.cookie } });
    expect(exported.json().pushDevices).toEqual([{ subscribedAt: expect.any(String) }]);
    const stored = JSON.stringify(row);
    expect(stored).not.toContain(device.id);
    expect(stored).not.toContain(device.subscription.keys.p256dh);
    expect(stored).not.toContain(device.subscription.keys.auth);
  });

  it("sends the weekly reminder to the device, encrypted, saying only the neutral sentence and a link, once per week", async () => {
    clock.set("2026-03-01T00:00:00Z");
    const cy = await signUp(t.app);
    const device = newDevice();
    await subscribe(cy, device.subscription);
    expect((await setReminder(cy, "push")).json().settings.channel).toBe("push");
    // Monday 2 March 09:00 in Singapore is 01:00 UTC.
    await roundAt("2026-03-02T01:00:00Z");
    expect(to(device)).toHaveLength(1);
    const [push] = to(device);
    expect(push?.headers["content-encoding"]).toBe("aes128gcm");
    expect(push?.headers.authorization).toMatch(new RegExp(`^vapid t=[^,]+, k=${testVapidKeys.publicKey}$`));
    const text = decryptPush(device, push?.body ?? Buffer.alloc(0));
    expect(JSON.parse(text)).toEqual({ title: "Your weekly moment is ready", url: "/check-in", lang: "en" });
    expect(text).not.toMatch(sensitiveWords);
    // Push only: no email.
    expect(mailer.sent).toHaveLength(0);
    // Later rounds the same week send nothing more; the next week's time sends the next one.
    await roundAt("2026-03-02T01:05:00Z");
    await roundAt("2026-03-04T01:00:00Z");
    expect(to(device)).toHaveLength(1);
    await roundAt("2026-03-09T01:00:00Z");
    expect(to(device)).toHaveLength(2);
  });

  it("says the weekly push in the language the person chose, as neutral in Malay as in English", async () => {
    clock.set("2026-12-01T00:00:00Z");
    const siti = await signUp(t.app);
    const device = newDevice();
    await subscribe(siti, device.subscription);
    const chosen = await t.app.inject({
      method: "PUT",
      url: "/api/preferences/language",
      headers: { ...sameOrigin, cookie: siti.cookie },
      payload: { language: "ms" },
    });
    expect(chosen.statusCode).toBe(200);
    await setReminder(siti, "push");
    // Monday 7 December 09:00 in Singapore (an instant no other test runs a round at: each runs once).
    await roundAt("2026-12-07T01:00:00Z");
    const text = decryptPush(device, to(device)[0]?.body ?? Buffer.alloc(0));
    expect(JSON.parse(text)).toEqual({ title: "Saat mingguan anda sudah sedia", url: "/check-in", lang: "ms" });
    expect(text).not.toMatch(sensitiveWordsIn.ms);
    expect(text).not.toMatch(sensitiveWords);
  });

  it("sends both an email and a push when the person chose both, and only email when they chose email", async () => {
    clock.set("2026-04-01T00:00:00Z");
    const di = await signUp(t.app);
    const device = newDevice();
    await subscribe(di, device.subscription);
    await setReminder(di, "both");
    await roundAt("2026-04-06T01:00:00Z");
    expect(to(device)).toHaveLength(1);
    expect(mailer.sent.filter((email) => email.to === di.email)).toHaveLength(1);
    await setReminder(di, "email");
    await roundAt("2026-04-13T01:00:00Z");
    expect(to(device)).toHaveLength(1);
    expect(mailer.sent.filter((email) => email.to === di.email)).toHaveLength(2);
  });

  it("forgets a device its push service says is gone (410), and a device unsubscribed on sign-out", async () => {
    clock.set("2026-05-01T00:00:00Z");
    const ed = await signUp(t.app);
    const userId = await userIdOf(ed);
    const [gone, kept, signedOut] = [newDevice(), newDevice(), newDevice()];
    for (const device of [gone, kept, signedOut]) await subscribe(ed, device.subscription);
    expect(await devicesOf(userId)).toHaveLength(3);
    // Signing out on a device unsubscribes it; another person cannot unsubscribe it for them.
    const stranger = await signUp(t.app);
    expect((await unsubscribe(stranger, signedOut.subscription.endpoint)).json()).toEqual({ devices: 0 });
    expect(await devicesOf(userId)).toHaveLength(3);
    expect((await unsubscribe(ed, signedOut.subscription.endpoint)).json()).toEqual({ devices: 2 });
    push.answers.set(gone.id, 410);
    await setReminder(ed, "push");
    await roundAt("2026-05-04T01:00:00Z");
    expect(to(gone)).toHaveLength(1);
    expect(to(kept)).toHaveLength(1);
    expect(to(signedOut)).toHaveLength(0);
    expect(await devicesOf(userId)).toHaveLength(1);
    await roundAt("2026-05-11T01:00:00Z");
    expect(to(gone)).toHaveLength(1);
    expect(to(kept)).toHaveLength(2);
  });

  it("gives a device to whoever subscribed it last, and keeps at most ten per person", async () => {
    const [fay, gil] = [await signUp(t.app), await signUp(t.app)];
    const shared = newDevice();
    await subscribe(fay, shared.subscription);
    await subscribe(gil, shared.subscription);
    expect(await devicesOf(await userIdOf(fay))).toHaveLength(0);
    expect(await devicesOf(await userIdOf(gil))).toHaveLength(1);
    for (let index = 0; index < 12; index += 1) {
      clock.set(new Date(Date.UTC(2026, 5, 1, 0, index)).toISOString());
      await subscribe(fay, newDevice().subscription);
    }
    expect(await devicesOf(await userIdOf(fay))).toHaveLength(10);
  });

  it("sends nothing to a deleted account, and its devices go with it", async () => {
    clock.set("2026-09-01T00:00:00Z");
    const hal = await signUp(t.app);
    const userId = await userIdOf(hal);
    const device = newDevice();
    await subscribe(hal, device.subscription);
    await setReminder(hal, "push");
    const deleted = await t.app.inject({
      method: "POST",
      url: "/api/auth/delete-user",
      headers: { ...sameOrigin, cookie: hal.cookie },
      payload: { password: hal.password },
    });
    expect(deleted.statusCode).toBe(200);
    await roundAt("2026-09-07T01:00:00Z");
    expect(to(device)).toHaveLength(0);
    expect(await devicesOf(userId)).toHaveLength(0);
  });

  it("retries only the device that failed: a device that took the notice does not get it twice", async () => {
    clock.set("2026-10-01T00:00:00Z");
    const ivy = await signUp(t.app);
    const [steady, flaky] = [newDevice(), newDevice()];
    for (const device of [steady, flaky]) await subscribe(ivy, device.subscription);
    await setReminder(ivy, "push");
    push.answers.set(flaky.id, 500);
    await roundAt("2026-10-05T01:00:00Z");
    expect(push.accepted(steady)).toHaveLength(1);
    expect(to(flaky).map((attempt) => attempt.status)).toEqual([500]);
    // The flaky device's push service works again; the notice's next try (a minute later) goes to it alone.
    push.answers.delete(flaky.id);
    await roundAt("2026-10-05T01:01:00Z");
    expect(to(steady)).toHaveLength(1);
    expect(to(flaky).map((attempt) => attempt.status)).toEqual([500, 201]);
    expect(JSON.parse(decryptPush(flaky, push.accepted(flaky)[0]!.body))).toEqual({ title: "Your weekly moment is ready", url: "/check-in", lang: "en" });
    const [row] = await t.database.db
      .selectFrom("outbox_message")
      .select(["status", "attempts"])
      .where("user_id", "=", await userIdOf(ivy))
      .execute();
    expect(row).toMatchObject({ status: "sent", attempts: 2 });
    await roundAt("2026-10-05T02:00:00Z");
    expect(push.received.filter((attempt) => [steady.id, flaky.id].includes(attempt.deviceId))).toHaveLength(3);
  });

  it("refuses to subscribe an endpoint on this machine or a private network unless the operator allows it", async () => {
    const strict = await buildTestApp(dialect, { clock });
    try {
      const jo = await signUp(strict.app);
      const { keys } = newDevice().subscription;
      const post = (endpoint: string) =>
        strict.app.inject({
          method: "POST",
          url: "/api/push/subscriptions",
          headers: { ...sameOrigin, cookie: jo.cookie },
          payload: { endpoint, keys },
        });
      for (const endpoint of [
        `${push.origin}/push/a`,
        `${push.localhostOrigin}/push/a`,
        "https://app.localhost/push/a",
        "https://[::1]/push/a",
        "https://10.1.2.3/push/a",
        "https://172.16.0.9/push/a",
        "https://192.168.0.1/push/a",
        "https://169.254.169.254/latest/meta-data",
        "https://100.64.0.1/push/a",
        "https://[fd12:3456::1]/push/a",
        "https://[fe80::1]/push/a",
        "https://[::ffff:127.0.0.1]/push/a",
        "https://0.0.0.0/push/a",
        "https://2130706433/push/a",
      ]) {
        const refused = await post(endpoint);
        expect(refused.statusCode, endpoint).toBe(400);
        expect(refused.json().error.code, endpoint).toBe("PUSH_ENDPOINT_NOT_ALLOWED");
      }
      expect((await strict.database.db.selectFrom("push_subscription").select("id").execute()).length).toBe(0);
      // A push service on the internet is taken (nothing is sent to it until a notice is due).
      expect((await post("https://push.example.net/send/abc123")).json()).toEqual({ devices: 1 });
    } finally {
      await strict.close();
    }
  });

  it("does not connect to a device whose push service is, or resolves to, a private address, unless the operator allows it", async () => {
    clock.set("2026-11-01T00:00:00Z");
    const kit = await signUp(t.app);
    // Subscribed where the operator allows private endpoints (this test app), sent by a server that does not.
    const [byAddress, byName] = [newDevice(push.origin), newDevice(push.localhostOrigin)];
    for (const device of [byAddress, byName]) expect((await subscribe(kit, device.subscription)).statusCode).toBe(200);
    await setReminder(kit, "push");
    await roundAt("2026-11-02T01:00:00Z", false);
    expect(to(byAddress)).toHaveLength(0);
    expect(to(byName)).toHaveLength(0);
    // Not forgotten: an operator who allows it later reaches both (`localhost` resolves to this machine).
    await roundAt("2026-11-02T01:01:00Z", true);
    expect(push.accepted(byAddress)).toHaveLength(1);
    expect(push.accepted(byName)).toHaveLength(1);
  });
});
