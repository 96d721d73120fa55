// This device's push endpoint (decision 071), kept in localStorage while push is on here, so that
// Quick exit can tell the server to forget this device at once, without waiting for the browser's
// push manager (which answers only later). Sign-out and turning push off forget it.
const storageKey = "mutual:push-endpoint";

/** Push was turned on here with this endpoint. */
export function rememberPushEndpoint(endpoint: string, storage: Storage = window.localStorage): void {
  try {
    storage.setItem(storageKey, endpoint);
  } catch {
    // Storage can be blocked; sign-out still finds the subscription through the browser.
  }
}

/** Forgets this device's endpoint here, and gives it back (null when none was kept). */
export function takePushEndpoint(storage: Storage = window.localStorage): string | null {
  try {
    const endpoint = storage.getItem(storageKey);
    storage.removeItem(storageKey);
    return endpoint;
  } catch {
    return null;
  }
}
