import { createECDH, createDecipheriv, createHmac, randomBytes, randomUUID, type ECDH } from "node:crypto";
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import https from "node:https";
import os from "node:os";
import path from "node:path";
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
import { dialects } from "../../../test/test-databases.js";
import { testKeyring } from "../../../test/build-test-app.js";
import { createPushSender } from "../../platform/web-push.js";
import { mergeOutboxHandlers, runOutboxRound, type OutboxDeps } from "../outbox/index.js";
import { createReminderTokens, reminderOutboxHandlers } from "../reminders/index.js";
import { sendPushToPerson } from "./index.js";

// Web Push end to end (decision 060), on both databases, with a clock the test moves: a fake
// device (its own P-256 key pair and auth secret) subscribes; the outbox round sends the weekly
// reminder through `web-push` to a push service that is an HTTPS server in this test, which
// decrypts what arrives (RFC 8291 / RFC 8188 aes128gcm, written here with node:crypto) to check
// that it says nothing but the neutral sentence and a link. A device the push service says is
// gone (410) is forgotten; one push per person and week; nothing after the account is deleted.

const silent = pino({ level: "silent" });
/** Words a notice must never carry: a lock screen can be seen by someone else. */
const sensitiveWords = /partner|relationship|couple|counsel|score|safe|result|profile|mutual/i;

class FakeClock {
  constructor(private current: Date) {}
  now = () => this.current;
  set(iso: string): Date {
    this.current = new Date(iso);
    return this.current;
  }
}

/** A browser's side of one subscription: the keys only the device holds. */
type FakeDevice = { id: string; ecdh: ECDH; auth: Buffer; subscription: { endpoint: string; keys: { p256dh: string; auth: string } } };

type Received = { deviceId: string; headers: Record<string, string | string[] | undefined>; body: Buffer };

const hmac = (key: Buffer, data: Buffer) => createHmac("sha256", key).update(data).digest();

/** Opens an aes128gcm Web Push body (RFC 8188 framing, RFC 8291 keys) with the device's private key and auth secret. */
function decryptPush(device: FakeDevice, body: Buffer): string {
  const salt = body.subarray(0, 16);
  const recordSize = body.readUInt32BE(16);
  const idLength = body.readUInt8(20);
  const senderPublic = body.subarray(21, 21 + idLength);
  const ciphertext = body.subarray(21 + idLength);
  expect(idLength).toBe(65);
  expect(ciphertext.length).toBeLessThanOrEqual(recordSize);
  const sharedSecret = device.ecdh.computeSecret(senderPublic);
  const keyInfo = Buffer.concat([Buffer.from("WebPush: info\0"), device.ecdh.getPublicKey(), senderPublic, Buffer.from([1])]);
  const ikm = hmac(hmac(device.auth, sharedSecret), keyInfo);
  const prk = hmac(salt, ikm);
  const contentKey = hmac(prk, Buffer.from("Content-Encoding: aes128gcm\0\x01", "latin1")).subarray(0, 16);
  const nonce = hmac(prk, Buffer.from("Content-Encoding: nonce\0\x01", "latin1")).subarray(0, 12);
  const decipher = createDecipheriv("aes-128-gcm", contentKey, nonce);
  decipher.setAuthTag(ciphertext.subarray(ciphertext.length - 16));
  const padded = Buffer.concat([decipher.update(ciphertext.subarray(0, ciphertext.length - 16)), decipher.final()]);
  // The last (only) record ends with the delimiter 0x02, then zero padding.
  let end = padded.length - 1;
  while (end >= 0 && padded[end] === 0) end -= 1;
  expect(padded[end]).toBe(2);
  return padded.subarray(0, end).toString("utf8");
}

/** A self-signed certificate for 127.0.0.1, so the push service in this test speaks HTTPS as real ones do. */
function selfSignedCertificate(): { key: string; cert: string } {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), "mutual-push-cert-"));
  try {
    const made = spawnSync(
      "openssl",
      [
        "req",
        "-x509",
        "-newkey",
        "ec",
        "-pkeyopt",
        "ec_paramgen_curve:prime256v1",
        "-nodes",
        "-keyout",
        path.join(folder, "key.pem"),
        "-out",
        path.join(folder, "cert.pem"),
        "-days",
        "1",
        "-subj",
        "/CN=127.0.0.1",
        "-addext",
        "subjectAltName=IP:127.0.0.1",
      ],
      { encoding: "utf8" },
    );
    if (made.status !== 0) throw new Error(`openssl could not make a test certificate: ${made.stderr}`);
    return { key: fs.readFileSync(path.join(folder, "key.pem"), "utf8"), cert: fs.readFileSync(path.join(folder, "cert.pem"), "utf8") };
  } finally {
    fs.rmSync(folder, { recursive: true, force: true });
  }
}

describe.each(dialects)("[%s] Web Push", (dialect) => {
  let t: TestApp;
  let mailer: MemoryMailer;
  let pushService: https.Server;
  let pushOrigin = "";
  let agent: https.Agent;
  const received: Received[] = [];
  /** What the push service answers for a device: 201 unless the test says it is gone. */
  const answers = new Map<string, number>();
  const clock = new FakeClock(new Date("2026-03-01T00:00:00Z"));
  const tokens = createReminderTokens(testAuthSecret);
  const handlers = mergeOutboxHandlers(reminderOutboxHandlers({ publicUrl: testPublicUrl, tokens }));
  const outboxOf = (): OutboxDeps => ({
    database: t.database,
    mailer,
    clock,
    logger: silent,
    handlers,
    push: async (userId, payload) => {
      const sender = createPushSender({ keys: testVapidKeys, subject: "mailto:operator@example.org", agent });
      const result = await sendPushToPerson({ db: t.database.db, kek: testKeyring, sender }, userId, payload);
      return result.delivered > 0 ? "sent" : "skipped";
    },
  });
  const roundAt = async (iso: string) => runOutboxRound(outboxOf(), clock.set(iso));

  beforeAll(async () => {
    t = await buildTestApp(dialect, { clock });
    mailer = createMemoryMailer();
    const certificate = selfSignedCertificate();
    agent = new https.Agent({ ca: certificate.cert });
    pushService = https.createServer({ key: certificate.key, cert: certificate.cert }, (request, response) => {
      const chunks: Buffer[] = [];
      request.on("data", (chunk: Buffer) => chunks.push(chunk));
      request.on("end", () => {
        const deviceId = (request.url ?? "").replace("/push/", "");
        received.push({ deviceId, headers: request.headers, body: Buffer.concat(chunks) });
        response.statusCode = answers.get(deviceId) ?? 201;
        response.end();
      });
    });
    await new Promise<void>((resolve) => pushService.listen(0, "127.0.0.1", resolve));
    const address = pushService.address();
    pushOrigin = `https://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`;
  });
  afterAll(async () => {
    await t.close();
    agent.destroy();
    await new Promise((resolve) => pushService.close(resolve));
  });
  beforeEach(() => {
    received.length = 0;
    mailer.sent.length = 0;
  });

  function newDevice(): FakeDevice {
    const ecdh = createECDH("prime256v1");
    ecdh.generateKeys();
    const auth = randomBytes(16);
    const id = randomUUID();
    return {
      id,
      ecdh,
      auth,
      subscription: { endpoint: `${pushOrigin}/push/${id}`, keys: { p256dh: ecdh.getPublicKey().toString("base64url"), auth: auth.toString("base64url") } },
    };
  }

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
  const to = (device: FakeDevice) => received.filter((request) => request.deviceId === device.id);

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
    expect(JSON.parse(text)).toEqual({ title: "Your weekly moment is ready", url: "/check-in" });
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
    answers.set(gone.id, 410);
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
});
