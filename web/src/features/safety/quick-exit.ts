// Quick exit: leave for a neutral site at once, and make every way back into the app
// lead to that neutral site too (docs/decisions/005-quick-exit.md).
import { takePushEndpoint } from "../../lib/push-endpoint";

const exitedFlag = "mutual:exited";
const fallbackUrl = "https://www.google.com/";

/** The operator's neutral site, from the meta tag the server fills in. */
export function quickExitUrl(doc: Document = document): string {
  const content = doc.querySelector('meta[name="mutual:quick-exit"]')?.getAttribute("content") ?? "";
  return /^https?:\/\//.test(content) ? content : fallbackUrl;
}

/**
 * Leaves now: replaces this history entry with the neutral site. With `endSession` (the person's
 * choice, on unless they turned it off: decision 037) it first asks the server to sign this device
 * out, as a keepalive request that outlives the page, so whoever picks the device up finds no one
 * signed in; and, as at any sign-out, this device stops getting push notices (decision 071): the
 * server is asked to forget its endpoint (kept in localStorage, so no waiting), in a keepalive
 * request sent before the sign-out, and the service worker unsubscribes it in the browser, which
 * it can finish after the page is gone. Leaving never waits for any of it.
 */
export function quickExit(win: Window = window, options: { endSession?: boolean } = {}): void {
  if (options.endSession) {
    try {
      // A check-in kept for sending later goes with the session (decision 049).
      win.indexedDB?.deleteDatabase("mutual-offline");
    } catch {
      // Nothing kept, or no IndexedDB: leaving goes on.
    }
    const pushEndpoint = takePushEndpoint(win.localStorage);
    if (pushEndpoint !== null) sendAndForget(win, "/api/push/unsubscribe", { endpoint: pushEndpoint });
    try {
      win.navigator.serviceWorker?.controller?.postMessage({ type: "forget-push" });
    } catch {
      // No worker: the server forgets the device, or the next sign-out here does.
    }
    sendAndForget(win, "/api/auth/sign-out", {});
  }
  try {
    win.sessionStorage.setItem(exitedFlag, "1");
  } catch {
    // Storage can be blocked; leaving matters more than the back-button guard.
  }
  win.document.title = "";
  win.location.replace(quickExitUrl(win.document));
}

/** A POST that outlives the page; nothing waits for its answer. */
function sendAndForget(win: Window, path: string, body: object): void {
  try {
    void win
      .fetch(path, {
        method: "POST",
        keepalive: true,
        credentials: "same-origin",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(body),
      })
      .catch(() => undefined);
  } catch {
    // A browser without keepalive requests still leaves at once.
  }
}

/**
 * Called before the app renders. If this tab quick-exited and the person (or someone
 * else) came back with the Back button, go straight to the neutral site again. A fresh
 * visit (typed address, link, reload) clears the mark and opens the app normally.
 */
export function guardAgainstReturn(win: Window = window): boolean {
  if (!hasExited(win)) return false;
  const navigation = win.performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming | undefined;
  if (navigation?.type === "back_forward") {
    win.location.replace(quickExitUrl(win.document));
    return true;
  }
  win.sessionStorage.removeItem(exitedFlag);
  return false;
}

/** Pages restored from the back/forward cache skip start-up; catch them here. */
export function watchBackForwardCache(win: Window = window): void {
  win.addEventListener("pageshow", (event) => {
    if (event.persisted && hasExited(win)) win.location.replace(quickExitUrl(win.document));
  });
}

function hasExited(win: Window): boolean {
  try {
    return win.sessionStorage.getItem(exitedFlag) === "1";
  } catch {
    // Storage can be blocked; then there is nothing to guard.
    return false;
  }
}

/** Esc pressed twice within a second triggers the quick exit. */
export function listenForExitShortcut(onExit: () => void, win: Window = window): () => void {
  let lastEscape = 0;
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== "Escape") return;
    const now = Date.now();
    if (now - lastEscape < 1000) onExit();
    lastEscape = now;
  };
  win.addEventListener("keydown", onKeyDown);
  return () => win.removeEventListener("keydown", onKeyDown);
}
