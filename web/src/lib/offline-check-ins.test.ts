import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { keepCheckInOffline, sendKeptCheckIn, useMemoryOfflineStore, type OfflineStore } from "./offline-check-ins";

type Call = { method: string; path: string; body: unknown; key: string | null };

/** A fetch that answers by "METHOD path", or fails as a lost connection does. */
function fakeServer(answers: Record<string, { status: number; body: unknown } | "offline">): Call[] {
  const calls: Call[] = [];
  globalThis.fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const path = String(input);
    const method = init?.method ?? "GET";
    calls.push({ method, path, body: init?.body ? JSON.parse(String(init.body)) : undefined, key: new Headers(init?.headers).get("Idempotency-Key") });
    const answer = answers[`${method} ${path}`];
    if (answer === "offline" || answer === undefined) throw new TypeError("Failed to fetch");
    return new Response(JSON.stringify(answer.body), { status: answer.status, headers: { "content-type": "application/json" } });
  }) as typeof fetch;
  return calls;
}

const me = (id: string) => ({ status: 200, body: { user: { id } } });
const saved = { status: 200, body: { week: "2026-W50", timeZone: "Asia/Singapore", checkIn: null } };
const monday = new Date("2026-12-07T04:00:00Z");

describe("a check-in kept offline", () => {
  let store: OfflineStore;
  const originalFetch = globalThis.fetch;
  beforeEach(async () => {
    store = useMemoryOfflineStore();
    await keepCheckInOffline({
      userId: "u1",
      idempotencyKey: "key-1",
      timeZone: "Asia/Singapore",
      answers: { wePulse: 5, mePulse: 4, note: "words that stay private" },
      now: monday,
    });
  });
  afterEach(() => {
    globalThis.fetch = originalFetch;
  });

  it("is kept without its note, and sent once the connection is back, with the key of the first attempt", async () => {
    expect(JSON.stringify(await store.read())).not.toContain("words that stay private");
    fakeServer({ "GET /api/me": "offline" });
    expect(await sendKeptCheckIn(() => monday)).toBe("kept");
    const calls = fakeServer({ "GET /api/me": me("u1"), "PUT /api/check-ins/current": saved });
    expect(await sendKeptCheckIn(() => monday)).toBe("sent");
    const put = calls.find((call) => call.method === "PUT");
    expect(put).toMatchObject({ key: "key-1", body: { timeZone: "Asia/Singapore", answers: { wePulse: 5, mePulse: 4 } } });
    expect(await store.read()).toBeUndefined();
    expect(await sendKeptCheckIn(() => monday)).toBe("none");
  });

  it("is never sent for someone else signed in on this device", async () => {
    const calls = fakeServer({ "GET /api/me": me("someone-else"), "PUT /api/check-ins/current": saved });
    expect(await sendKeptCheckIn(() => monday)).toBe("dropped");
    expect(calls.some((call) => call.method === "PUT")).toBe(false);
  });

  it("waits while signed out or while the server is down, and is dropped once its week is over", async () => {
    fakeServer({ "GET /api/me": { status: 401, body: { error: { code: "UNAUTHENTICATED", message: "x" } } } });
    expect(await sendKeptCheckIn(() => monday)).toBe("kept");
    fakeServer({ "GET /api/me": me("u1"), "PUT /api/check-ins/current": { status: 503, body: { error: { code: "UNAVAILABLE", message: "x" } } } });
    expect(await sendKeptCheckIn(() => monday)).toBe("kept");
    const calls = fakeServer({ "GET /api/me": me("u1"), "PUT /api/check-ins/current": saved });
    expect(await sendKeptCheckIn(() => new Date("2026-12-14T04:00:00Z"))).toBe("dropped");
    expect(calls).toHaveLength(0);
  });
});
