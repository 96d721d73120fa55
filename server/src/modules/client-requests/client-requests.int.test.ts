import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { pino } from "pino";
import type { CounsellorRequestsResponse, OpenRequestsResponse } from "@mutual/core";
import { buildTestApp, testKeyring, testPublicUrl, testVapidKeys, type TestApp } from "../../../test/build-test-app.js";
import { sameOrigin, signUp, type TestPerson } from "../../../test/auth-helpers.js";
import { giveConsentVia } from "../../../test/assessment-helpers.js";
import { linkCouple } from "../../../test/couple-helpers.js";
import { acceptClientInvite, inviteClient } from "../../../test/counselling-helpers.js";
import { createPractice, enrolTwoFactor, getAs, joinPractice, postAs } from "../../../test/practice-helpers.js";
import { decryptPush, sensitiveWords, startTestPushService, type FakeDevice, type TestPushService } from "../../../test/push-service.js";
import { startSmtpCapture, type SmtpCapture } from "../../../test/smtp-capture.js";
import { sensitiveWordsIn } from "../../../test/neutral-words.js";
import { dialects } from "../../../test/test-databases.js";
import { createPushSender } from "../../platform/web-push.js";
import { runOutboxRound } from "../outbox/index.js";
import { createPushDeliverer } from "../push/index.js";
import { requestOutboxHandlers } from "./index.js";

// A counsellor's request that a client check in or retake the profile (decision 047): only the
// client's own counsellor with two-step sign-in may ask, and only for what the client shares; the
// client hears of it through the outbox by the channel they chose for notices (a neutral email, a
// neutral push to their devices, or both; decision 071), once, and once more before it expires;
// it expires, is done by doing it, or is declined by the client, and by nobody else.

const day = 86_400_000;
const silent = pino({ level: "silent" });

describe.each(dialects)("[%s] counsellors' requests", (dialect) => {
  let t: TestApp;
  let smtp: SmtpCapture;
  let push: TestPushService;
  let now = Date.UTC(2026, 9, 5, 3);
  const clock = { now: () => new Date(now) };
  let rounds = 0;
  /** One outbox round now; each call is a round of its own, as a later wake-up would be. */
  const round = () =>
    runOutboxRound(
      {
        database: t.database,
        mailer: smtp.mailer,
        clock,
        logger: silent,
        handlers: requestOutboxHandlers({ publicUrl: testPublicUrl }),
        push: createPushDeliverer({
          db: t.database.db,
          kek: testKeyring,
          clock,
          // The test's push service is on 127.0.0.1, as PUSH_ALLOW_PRIVATE_ENDPOINTS=true allows.
          sender: createPushSender({ keys: testVapidKeys, subject: "mailto:operator@example.org", allowPrivateEndpoints: true, ca: push.ca }),
        }),
      },
      new Date(now),
      `round-${(rounds += 1)}`,
    );

  let counsellor: TestPerson;
  let colleague: TestPerson;
  let admin: TestPerson;
  let noTwoFactor: TestPerson;
  let otherPractice: TestPerson;
  let client: TestPerson;
  let partner: TestPerson;
  let profileOnly: TestPerson;
  let practiceId: string;
  let otherPracticeId: string;
  let clientId: string;
  let profileOnlyClientId: string;

  const requestsUrl = (id = clientId, practice = practiceId) => `/api/practices/${practice}/clients/${id}/requests`;
  const ask = (who: TestPerson, body: object, id = clientId, practice = practiceId) => postAs(t.app, who, requestsUrl(id, practice), body);
  const mine = async (who: TestPerson) => (await getAs(t.app, who, "/api/requests")).json<OpenRequestsResponse>().requests;
  const decline = (who: TestPerson, requestId: string) => postAs(t.app, who, `/api/requests/${requestId}/decline`, {});
  const statusOf = async (requestId: string) =>
    (await getAs(t.app, counsellor, requestsUrl())).json<CounsellorRequestsResponse>().requests.find((request) => request.id === requestId)?.status;
  const emailsTo = (who: TestPerson) => smtp.received.filter((email) => email.to.includes(who.email));

  beforeAll(async () => {
    t = await buildTestApp(dialect, { clock, env: { PUSH_ALLOW_PRIVATE_ENDPOINTS: "true" } });
    smtp = await startSmtpCapture();
    push = await startTestPushService();
    counsellor = await signUp(t.app);
    practiceId = await createPractice(t.app, counsellor, "Harbour Counselling");
    await enrolTwoFactor(t.app, counsellor);
    colleague = await signUp(t.app);
    await joinPractice(t.app, counsellor, colleague, practiceId, "counsellor");
    await enrolTwoFactor(t.app, colleague);
    admin = await signUp(t.app);
    await joinPractice(t.app, counsellor, admin, practiceId, "admin");
    await enrolTwoFactor(t.app, admin);
    noTwoFactor = await signUp(t.app);
    await joinPractice(t.app, counsellor, noTwoFactor, practiceId, "counsellor");
    otherPractice = await signUp(t.app);
    otherPracticeId = await createPractice(t.app, otherPractice, "Elsewhere");
    await enrolTwoFactor(t.app, otherPractice);

    client = await signUp(t.app);
    partner = await signUp(t.app);
    await linkCouple(t.app, client, partner);
    await giveConsentVia(t.app, client.cookie);
    clientId = await acceptClientInvite(t.app, client, await inviteClient(t.app, counsellor, practiceId), ["profile", "check-ins"]);
    profileOnly = await signUp(t.app);
    profileOnlyClientId = await acceptClientInvite(t.app, profileOnly, await inviteClient(t.app, counsellor, practiceId), ["profile"]);
  });
  afterAll(async () => {
    await t.close();
    await smtp.close();
    await push.close();
  });
  beforeEach(() => {
    smtp.received.length = 0;
    push.received.length = 0;
  });

  it("lets only the client's own counsellor, with two-step sign-in, ask or see the requests", async () => {
    const body = { kind: "check-in" };
    expect((await t.app.inject({ method: "POST", url: requestsUrl(), headers: sameOrigin, payload: body })).statusCode).toBe(401);
    expect((await t.app.inject({ method: "GET", url: requestsUrl() })).statusCode).toBe(401);
    expect((await t.app.inject({ method: "GET", url: "/api/requests" })).statusCode).toBe(401);
    expect((await t.app.inject({ method: "POST", url: "/api/requests/anything/decline", headers: sameOrigin, payload: {} })).statusCode).toBe(401);
    const refusals: Array<[string, TestPerson, number]> = [
      // Not members of the practice: for them it does not exist.
      ["the client", client, 404],
      ["the client's partner", partner, 404],
      ["a colleague in the practice", colleague, 404],
      ["the practice's admin", admin, 404],
      ["a counsellor without two-step sign-in", noTwoFactor, 403],
      ["a counsellor of another practice", otherPractice, 404],
    ];
    for (const [who, person, status] of refusals) {
      expect((await ask(person, body)).statusCode, who).toBe(status);
      expect((await getAs(t.app, person, requestsUrl())).statusCode, who).toBe(status);
    }
    // Another practice's counsellor asking in their own practice for our client: no such client there.
    expect((await ask(otherPractice, body, clientId, otherPracticeId)).statusCode).toBe(404);
    expect((await t.database.db.selectFrom("client_request").select("id").execute()).length).toBe(0);
    expect(await round()).toMatchObject({ delivered: { sent: 0 } });
  });

  it("asks only for what the client shares, and refuses bad input with 400", async () => {
    expect((await ask(counsellor, { kind: "check-in" }, profileOnlyClientId)).statusCode).toBe(409);
    for (const bad of [
      { kind: "diary" },
      { kind: "check-in", expiresInDays: 0 },
      { kind: "check-in", expiresInDays: 31 },
      { kind: "check-in", expiresInDays: 3, remindAfterDays: 3 },
      { kind: "profile", note: "x" },
      {},
    ]) {
      expect((await ask(counsellor, bad)).statusCode, JSON.stringify(bad)).toBe(400);
    }
    expect((await t.database.db.selectFrom("client_request").select("id").execute()).length).toBe(0);
  });

  it("reaches the client by a neutral email, reminds once after two days, and expires after four", async () => {
    const made = await ask(counsellor, { kind: "check-in" });
    expect(made.statusCode, made.body).toBe(201);
    const [request] = made.json<CounsellorRequestsResponse>().requests;
    expect(request).toMatchObject({ kind: "check-in", memberName: client.name, status: "open", expiresAt: new Date(now + 4 * day).toISOString() });
    expect(await mine(client)).toEqual([
      {
        id: request!.id,
        kind: "check-in",
        counsellorName: counsellor.name,
        createdAt: new Date(now).toISOString(),
        expiresAt: new Date(now + 4 * day).toISOString(),
      },
    ]);
    expect(await mine(partner)).toEqual([]);

    await round();
    expect(emailsTo(client).map((email) => email.subject)).toEqual(["Something is waiting for you"]);
    const words = emailsTo(client)[0]!.text;
    expect(words).not.toMatch(/counsel|partner|relationship|check-in|profile|practice|harbour/i);
    expect(words).not.toContain(counsellor.name);
    now += 2 * day - 60_000;
    await round();
    expect(emailsTo(client)).toHaveLength(1);
    now += 60_000;
    await round();
    await round();
    expect(emailsTo(client).map((email) => email.subject)).toEqual(["Something is waiting for you", "A reminder: something is waiting for you"]);
    now += 2 * day;
    expect(await statusOf(request!.id)).toBe("expired");
    expect(await mine(client)).toEqual([]);
    expect((await decline(client, request!.id)).statusCode).toBe(404);
  });

  it("is done when the client does it, and then sends no reminder", async () => {
    const [request] = (await ask(counsellor, { kind: "check-in", expiresInDays: null })).json<CounsellorRequestsResponse>().requests;
    expect(request!.expiresAt).toBeNull();
    await round();
    const checkIn = await t.app.inject({
      method: "PUT",
      url: "/api/check-ins/current",
      headers: { ...sameOrigin, cookie: client.cookie },
      payload: { timeZone: "Asia/Singapore", answers: { wePulse: 4 } },
    });
    expect(checkIn.statusCode).toBe(200);
    expect(await statusOf(request!.id)).toBe("done");
    expect(await mine(client)).toEqual([]);
    now += 3 * day;
    await round();
    expect(emailsTo(client)).toHaveLength(1);
  });

  it("waits out the client's quiet hours", async () => {
    // 03:00 UTC is 11:00 in Singapore: quiet from 10:00 to 12:00 there, the notice goes at 04:00 UTC.
    now = Date.UTC(2026, 10, 2, 3);
    const quiet = await t.app.inject({
      method: "PUT",
      url: "/api/reminders",
      headers: { ...sameOrigin, cookie: client.cookie },
      payload: { enabled: false, weekday: 1, time: "09:00", timeZone: "Asia/Singapore", channel: "email", quietHours: { start: "10:00", end: "12:00" } },
    });
    expect(quiet.statusCode).toBe(200);
    const [request] = (await ask(counsellor, { kind: "check-in", expiresInDays: 1 })).json<CounsellorRequestsResponse>().requests;
    await round();
    expect(emailsTo(client)).toHaveLength(0);
    now = Date.UTC(2026, 10, 2, 4);
    await round();
    expect(emailsTo(client)).toHaveLength(1);
    expect((await decline(client, request!.id)).statusCode).toBe(204);
    smtp.received.length = 0;
    await t.app.inject({
      method: "PUT",
      url: "/api/reminders",
      headers: { ...sameOrigin, cookie: client.cookie },
      payload: { enabled: false, weekday: 1, time: "09:00", timeZone: "Asia/Singapore", channel: "email", quietHours: null },
    });
  });

  it("can be declined by the client alone, which also stops its reminder", async () => {
    now += day;
    const [request] = (await ask(counsellor, { kind: "profile", expiresInDays: 10, remindAfterDays: 5 })).json<CounsellorRequestsResponse>().requests;
    expect((await decline(partner, request!.id)).statusCode).toBe(404);
    expect((await decline(counsellor, request!.id)).statusCode).toBe(404);
    expect((await decline(client, "not-a-request")).statusCode).toBe(404);
    expect((await postAs(t.app, client, `/api/requests/${request!.id}/decline`, { reason: "busy" })).statusCode).toBe(400);
    expect(await statusOf(request!.id)).toBe("open");
    expect((await decline(client, request!.id)).statusCode).toBe(204);
    expect(await statusOf(request!.id)).toBe("declined");
    const exported = (await getAs(t.app, client, "/api/export")).json<{
      counsellorRequests: Array<{ kind: string; status: string; counsellorName: string }>;
    }>();
    expect(exported.counsellorRequests[0]).toMatchObject({ kind: "profile", status: "declined", counsellorName: counsellor.name });
    expect((await getAs(t.app, partner, "/api/export")).json<{ counsellorRequests: unknown[] }>().counsellorRequests).toEqual([]);
    expect((await decline(client, request!.id)).statusCode).toBe(404);
    now += 6 * day;
    await round();
    expect(emailsTo(client)).toHaveLength(0);
  });

  /** A new client of the counsellor who shares check-ins, with one device for push and their notices by `channel`. */
  const clientIds = new Map<TestPerson, string>();
  async function clientWithDevice(channel: "email" | "push" | "both"): Promise<{ person: TestPerson; device: FakeDevice }> {
    const person = await signUp(t.app);
    const id = await acceptClientInvite(t.app, person, await inviteClient(t.app, counsellor, practiceId), ["check-ins"]);
    clientIds.set(person, id);
    const device = push.newDevice();
    expect((await postAs(t.app, person, "/api/push/subscriptions", device.subscription)).statusCode).toBe(200);
    const chosen = await t.app.inject({
      method: "PUT",
      url: "/api/reminders",
      headers: { ...sameOrigin, cookie: person.cookie },
      payload: { enabled: true, weekday: 1, time: "09:00", timeZone: "Asia/Singapore", channel, quietHours: null },
    });
    expect(chosen.statusCode).toBe(200);
    return { person, device };
  }
  const askOf = async (person: TestPerson, body: object) => {
    const made = await ask(counsellor, body, clientIds.get(person));
    expect(made.statusCode, made.body).toBe(201);
    return made.json<CounsellorRequestsResponse>().requests[0]!;
  };
  const pushesTo = (device: FakeDevice) =>
    push.accepted(device).map((arrived) => JSON.parse(decryptPush(device, arrived.body)) as { title: string; url: string });

  it("reaches a client who chose push on their device, in neutral words, once, and once more before it expires", async () => {
    now = Date.UTC(2026, 11, 1, 3);
    const { person, device } = await clientWithDevice("push");
    await askOf(person, { kind: "check-in" });
    await round();
    await round();
    expect(pushesTo(device)).toEqual([{ title: "Something is waiting for you", url: "/", lang: "en" }]);
    for (const arrived of push.accepted(device)) expect(decryptPush(device, arrived.body)).not.toMatch(sensitiveWords);
    expect(emailsTo(person)).toHaveLength(0);
    now += 2 * day;
    await round();
    await round();
    expect(pushesTo(device).map((notice) => notice.title)).toEqual(["Something is waiting for you", "A reminder: something is waiting for you"]);
    expect(decryptPush(device, push.accepted(device)[1]!.body)).not.toMatch(sensitiveWords);
    now += 3 * day;
    await round();
    expect(push.to(device)).toHaveLength(2);
    expect(emailsTo(person)).toHaveLength(0);
  });

  it("reaches a client whose chosen language is Malay in Malay, by email and on their device, as neutral as in English", async () => {
    now = Date.UTC(2026, 11, 20, 3);
    const { person, device } = await clientWithDevice("both");
    const chosen = await t.app.inject({
      method: "PUT",
      url: "/api/preferences/language",
      headers: { ...sameOrigin, cookie: person.cookie },
      payload: { language: "ms" },
    });
    expect(chosen.statusCode).toBe(200);
    await askOf(person, { kind: "check-in" });
    await round();
    await round();
    const [email] = emailsTo(person);
    expect(email?.subject).toBe("Ada sesuatu menanti anda");
    expect(email?.text).toContain("Ada sesuatu menanti anda apabila anda log masuk:");
    expect(email?.header("Content-Language")).toBe("ms");
    expect(email?.text.replaceAll(testPublicUrl, "")).not.toMatch(sensitiveWordsIn.ms);
    expect(pushesTo(device)).toEqual([{ title: "Ada sesuatu menanti anda", url: "/", lang: "ms" }]);
    const opened = decryptPush(device, push.accepted(device)[0]!.body);
    expect(opened).not.toMatch(sensitiveWordsIn.ms);
    expect(opened).not.toMatch(sensitiveWords);
  });

  it("reaches a client who chose both by email and on their device, each once; by email alone when they chose email", async () => {
    now = Date.UTC(2026, 11, 10, 3);
    const both = await clientWithDevice("both");
    const emailOnly = await clientWithDevice("email");
    await askOf(both.person, { kind: "check-in", expiresInDays: 1 });
    await askOf(emailOnly.person, { kind: "check-in", expiresInDays: 1 });
    await round();
    await round();
    expect(pushesTo(both.device)).toEqual([{ title: "Something is waiting for you", url: "/", lang: "en" }]);
    expect(emailsTo(both.person).map((email) => email.subject)).toEqual(["Something is waiting for you"]);
    expect(push.to(emailOnly.device)).toHaveLength(0);
    expect(emailsTo(emailOnly.person)).toHaveLength(1);
  });

  it("falls back to email when the client chose push but has no device left to take it", async () => {
    now = Date.UTC(2026, 11, 12, 3);
    const { person, device } = await clientWithDevice("push");
    expect((await postAs(t.app, person, "/api/push/unsubscribe", { endpoint: device.subscription.endpoint })).json()).toEqual({ devices: 0 });
    await askOf(person, { kind: "check-in", expiresInDays: 1 });
    await round();
    expect(push.to(device)).toHaveLength(0);
    expect(emailsTo(person).map((email) => email.subject)).toEqual(["Something is waiting for you"]);
  });

  it("sends no push reminder once the client declined, or once the request expired unreminded", async () => {
    now = Date.UTC(2026, 11, 14, 3);
    const declining = await clientWithDevice("push");
    const late = await clientWithDevice("push");
    const declined = await askOf(declining.person, { kind: "check-in" });
    await askOf(late.person, { kind: "check-in", expiresInDays: 3, remindAfterDays: 2 });
    await round();
    expect(push.to(declining.device)).toHaveLength(1);
    expect(push.to(late.device)).toHaveLength(1);
    expect((await decline(declining.person, declined.id)).statusCode).toBe(204);
    // No round runs while the reminder is due (the server was down); the next one is after the expiry.
    now += 3 * day;
    await round();
    await round();
    expect(push.to(declining.device)).toHaveLength(1);
    expect(push.to(late.device)).toHaveLength(1);
  });

  it("sends nothing, by email or to a device, to a client who deleted their account", async () => {
    now = Date.UTC(2026, 11, 20, 3);
    const { person, device } = await clientWithDevice("both");
    await askOf(person, { kind: "check-in" });
    const deleted = await postAs(t.app, person, "/api/auth/delete-user", { password: person.password });
    expect(deleted.statusCode).toBe(200);
    await round();
    now += 2 * day;
    await round();
    expect(push.to(device)).toHaveLength(0);
    expect(emailsTo(person)).toHaveLength(0);
  });
});
