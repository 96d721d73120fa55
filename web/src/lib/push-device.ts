// Web Push on this device (decision 060): turn it on (the browser asks the person, then the
// subscription goes to the server), find out whether it is on, and turn it off (the server is told
// first, while the session still stands, then the browser forgets the subscription). Loaded only
// by the reminder settings and at sign-out, never with the first screen.
import { requestJson } from "./api-client";
import { rememberPushEndpoint, takePushEndpoint } from "./push-endpoint";

export type PushSupport = "supported" | "unsupported" | "denied";

/** Whether this browser can get push notices from us, and whether the person has refused them here. */
export function pushSupport(): PushSupport {
  if (typeof window === "undefined" || !("serviceWorker" in navigator) || !("PushManager" in window) || !("Notification" in window)) return "unsupported";
  return Notification.permission === "denied" ? "denied" : "supported";
}

async function registration(): Promise<ServiceWorkerRegistration | undefined> {
  if (!("serviceWorker" in navigator)) return undefined;
  return navigator.serviceWorker.getRegistration();
}

/** This device's subscription, if push is on here. */
async function currentSubscription(): Promise<PushSubscription | null> {
  const found = await registration().catch(() => undefined);
  return found ? found.pushManager.getSubscription().catch(() => null) : null;
}

/** Whether this device gets push notices now (its endpoint is kept for Quick exit, also when push was turned on before it was). */
export async function isPushOnHere(): Promise<boolean> {
  const subscription = await currentSubscription();
  if (subscription) rememberPushEndpoint(subscription.endpoint);
  return subscription !== null;
}

function fromBase64Url(text: string): Uint8Array<ArrayBuffer> {
  const base64 = text
    .replace(/-/g, "+")
    .replace(/_/g, "/")
    .padEnd(Math.ceil(text.length / 4) * 4, "=");
  const bytes = atob(base64);
  const out = new Uint8Array(new ArrayBuffer(bytes.length));
  for (let index = 0; index < bytes.length; index += 1) out[index] = bytes.charCodeAt(index);
  return out;
}

/**
 * Turns push on for this device: the browser asks the person (only now, after they chose it), then
 * the subscription is given to the server. Resolves false when the person or the browser says no.
 */
export async function turnPushOnHere(): Promise<boolean> {
  if (pushSupport() !== "supported") return false;
  if ((await Notification.requestPermission()) !== "granted") return false;
  const ready = await navigator.serviceWorker.ready;
  const { publicKey } = await requestJson<{ publicKey: string }>("/api/push/public-key");
  let subscription = await ready.pushManager.getSubscription();
  // A subscription made for another server key cannot be used: make a new one.
  const key = subscription?.options.applicationServerKey;
  if (
    subscription &&
    key &&
    btoa(String.fromCharCode(...new Uint8Array(key)))
      .replace(/\+/g, "-")
      .replace(/\//g, "_")
      .replace(/=+$/, "") !== publicKey
  ) {
    await subscription.unsubscribe();
    subscription = null;
  }
  subscription ??= await ready.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: fromBase64Url(publicKey) });
  await requestJson("/api/push/subscriptions", { method: "POST", body: subscription.toJSON() });
  rememberPushEndpoint(subscription.endpoint);
  return true;
}

/**
 * Turns push off for this device: tells the server (needs the session, so before signing out),
 * then forgets the subscription in the browser. Never fails: signing out must go on regardless.
 */
export async function turnPushOffHere(): Promise<void> {
  takePushEndpoint();
  const subscription = await currentSubscription();
  if (!subscription) return;
  await requestJson("/api/push/unsubscribe", { method: "POST", body: { endpoint: subscription.endpoint } }).catch(() => undefined);
  await subscription.unsubscribe().catch(() => false);
}
