import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { isPushOnHere, turnPushOffHere, turnPushOnHere } from "./push-device";

// Push on this device (decisions 060, 071): the endpoint is kept in localStorage while push is on
// here, for Quick exit to use without waiting; turning push off (as every sign-out does) forgets it.

const publicKey = Buffer.concat([Buffer.from([4]), Buffer.alloc(64, 3)]).toString("base64url");
const endpoint = "https://push.example.net/send/this-device";

function fakeSubscription() {
  return {
    endpoint,
    options: { applicationServerKey: null },
    toJSON: () => ({ endpoint, keys: { p256dh: publicKey, auth: "AAAAAAAAAAAAAAAAAAAAAA" } }),
    unsubscribe: vi.fn(async () => true),
  };
}

describe("push on this device", () => {
  let subscription: ReturnType<typeof fakeSubscription> | null;
  const posted: Array<{ path: string; body: unknown }> = [];

  beforeEach(() => {
    subscription = null;
    posted.length = 0;
    window.localStorage.clear();
    const pushManager = {
      getSubscription: async () => subscription,
      subscribe: async () => (subscription = fakeSubscription()),
    };
    const registration = { pushManager };
    vi.stubGlobal("PushManager", function PushManager() {});
    vi.stubGlobal("Notification", { permission: "default", requestPermission: async () => "granted" });
    Object.defineProperty(navigator, "serviceWorker", {
      configurable: true,
      value: { ready: Promise.resolve(registration), getRegistration: async () => registration },
    });
    vi.stubGlobal(
      "fetch",
      vi.fn(async (path: string, init?: RequestInit) => {
        if (init?.method === "POST") posted.push({ path, body: JSON.parse(String(init.body)) });
        const answer = path === "/api/push/public-key" ? { publicKey } : { devices: 1 };
        return new Response(JSON.stringify(answer), { status: 200, headers: { "content-type": "application/json" } });
      }),
    );
  });
  afterEach(() => {
    vi.unstubAllGlobals();
    Reflect.deleteProperty(navigator, "serviceWorker");
    window.localStorage.clear();
  });

  it("keeps this device's endpoint once push is on, and forgets it, here and on the server, when push is turned off", async () => {
    expect(await turnPushOnHere()).toBe(true);
    expect(posted.map((request) => request.path)).toEqual(["/api/push/subscriptions"]);
    expect(window.localStorage.getItem("mutual:push-endpoint")).toBe(endpoint);
    const kept = subscription!;
    await turnPushOffHere();
    expect(posted.at(-1)).toEqual({ path: "/api/push/unsubscribe", body: { endpoint } });
    expect(kept.unsubscribe).toHaveBeenCalled();
    expect(window.localStorage.getItem("mutual:push-endpoint")).toBeNull();
  });

  it("keeps the endpoint of a device where push was turned on before it was kept", async () => {
    subscription = fakeSubscription();
    expect(await isPushOnHere()).toBe(true);
    expect(window.localStorage.getItem("mutual:push-endpoint")).toBe(endpoint);
  });

  it("forgets a kept endpoint at sign-out even when the browser no longer has the subscription", async () => {
    window.localStorage.setItem("mutual:push-endpoint", endpoint);
    await turnPushOffHere();
    expect(window.localStorage.getItem("mutual:push-endpoint")).toBeNull();
  });
});
