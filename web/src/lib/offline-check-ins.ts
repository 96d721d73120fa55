// A check-in saved with no connection (decision 049): kept on this device, in IndexedDB, with the
// Idempotency-Key of the attempt that failed, and sent once the connection is back. The server
// writes it at most once however often it is sent (the key). The note is never kept on the device:
// a sealed copy would need a key on the same device, which protects nothing from whoever holds it,
// so the person is told to add their note again. Sign-out and quick exit delete it. A check-in kept
// past the end of its week is dropped: the server would file it under the new week.
import type { CheckInAnswers } from "@mutual/core";
import { computeIsoWeekKey } from "@mutual/core/weeks";

/**
 * A same-origin JSON call that says how it ended: the HTTP status, or 0 with no connection. Plain
 * fetch rather than lib/api-client, so this module (which loads beside the first screen) shares
 * no code with it and leaves the first screen's bundle as it was.
 */
async function call(path: string, init: RequestInit = {}): Promise<{ status: number; body: unknown }> {
  try {
    const response = await fetch(path, { credentials: "same-origin", ...init, headers: { accept: "application/json", ...init.headers } });
    const text = await response.text();
    let body: unknown = null;
    try {
      body = text ? JSON.parse(text) : null;
    } catch {
      body = null;
    }
    return { status: response.status, body };
  } catch {
    return { status: 0, body: null };
  }
}

export const offlineDatabaseName = "mutual-offline";
const storeName = "check-in";
const entryKey = "pending";

/** `userId`: whose it is; it is sent only while that same person is signed in on this device. */
export type QueuedCheckIn = { userId: string; idempotencyKey: string; timeZone: string; week: string; answers: Omit<CheckInAnswers, "note">; queuedAt: number };

export type OfflineStore = { read(): Promise<QueuedCheckIn | undefined>; write(entry: QueuedCheckIn): Promise<void>; clear(): Promise<void> };

function request<T>(open: (store: IDBObjectStore) => IDBRequest<T>, mode: IDBTransactionMode): Promise<T> {
  return new Promise((resolve, reject) => {
    const opening = indexedDB.open(offlineDatabaseName, 1);
    opening.onupgradeneeded = () => opening.result.createObjectStore(storeName);
    opening.onerror = () => reject(opening.error ?? new Error("IndexedDB could not open"));
    opening.onsuccess = () => {
      const db = opening.result;
      const transaction = db.transaction(storeName, mode);
      const pending = open(transaction.objectStore(storeName));
      transaction.oncomplete = () => {
        db.close();
        resolve(pending.result);
      };
      transaction.onerror = () => {
        db.close();
        reject(transaction.error ?? new Error("IndexedDB write failed"));
      };
    };
  });
}

const indexedDbStore: OfflineStore = {
  read: () => request((store) => store.get(entryKey) as IDBRequest<QueuedCheckIn | undefined>, "readonly"),
  write: async (entry) => void (await request((store) => store.put(entry, entryKey), "readwrite")),
  clear: async () => void (await request((store) => store.delete(entryKey), "readwrite")),
};

function memoryStore(): OfflineStore {
  let entry: QueuedCheckIn | undefined;
  return { read: async () => entry, write: async (next) => void (entry = next), clear: async () => void (entry = undefined) };
}

let store: OfflineStore = typeof indexedDB === "undefined" ? memoryStore() : indexedDbStore;

/** For tests: a store in memory. */
export function useMemoryOfflineStore(): OfflineStore {
  store = memoryStore();
  return store;
}

/** Keeps a check-in that could not be sent; a newer one replaces it. The note is left out, always. */
export async function keepCheckInOffline(input: {
  userId: string;
  idempotencyKey: string;
  timeZone: string;
  answers: CheckInAnswers;
  now?: Date;
}): Promise<void> {
  const { note: _note, ...answers } = input.answers;
  const now = input.now ?? new Date();
  await store.write({
    userId: input.userId,
    idempotencyKey: input.idempotencyKey,
    timeZone: input.timeZone,
    week: computeIsoWeekKey(now, input.timeZone),
    answers,
    queuedAt: now.getTime(),
  });
}

export type SendOutcome = "none" | "sent" | "kept" | "dropped";

/** Announced on window when a kept check-in reached the server. */
export const offlineCheckInSentEvent = "mutual:offline-check-in-sent";

let sending: Promise<SendOutcome> | null = null;

/** Sends the kept check-in, if any: once at a time, with its own Idempotency-Key. */
export function sendKeptCheckIn(now: () => Date = () => new Date()): Promise<SendOutcome> {
  sending ??= (async (): Promise<SendOutcome> => {
    const entry = await store.read();
    if (!entry) return "none";
    if (computeIsoWeekKey(now(), entry.timeZone) !== entry.week) {
      await store.clear();
      return "dropped";
    }
    // Only for the person who saved it: someone else signed in here now never sends it.
    const me = await call("/api/me");
    if (me.status === 200 && (me.body as { user?: { id?: string } } | null)?.user?.id !== entry.userId) {
      await store.clear();
      return "dropped";
    }
    // No connection, a signed-out session or a server that is down: try again later.
    const isLater = (status: number) => status === 0 || status === 401 || status >= 500;
    if (me.status !== 200) return isLater(me.status) ? "kept" : "dropped";
    const put = await call("/api/check-ins/current", {
      method: "PUT",
      headers: { "content-type": "application/json", "Idempotency-Key": entry.idempotencyKey },
      body: JSON.stringify({ timeZone: entry.timeZone, answers: entry.answers }),
    });
    if (isLater(put.status)) return "kept";
    if (put.status >= 300) {
      // Refused for good (e.g. the key was used for the first attempt, which did arrive): nothing to send.
      await store.clear();
      return "dropped";
    }
    await store.clear();
    window.dispatchEvent(new Event(offlineCheckInSentEvent));
    return "sent";
  })().finally(() => {
    sending = null;
  });
  return sending;
}

/** Sends what is kept now and whenever the connection comes back. */
export function sendKeptCheckInsWhenOnline(): void {
  window.addEventListener("online", () => void sendKeptCheckIn());
  if (navigator.onLine) void sendKeptCheckIn();
}
