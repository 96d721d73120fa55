import { describe, expect, it, vi } from "vitest";
import { guardAgainstReturn, listenForExitShortcut, quickExit, quickExitUrl } from "./quick-exit";

/** A stand-in window: real storage and document, recorded navigation. */
function fakeWindow(navigationType: string, meta = "https://neutral.example/weather") {
  const doc = document.implementation.createHTMLDocument("Mutual");
  const tag = doc.createElement("meta");
  tag.setAttribute("name", "mutual:quick-exit");
  tag.setAttribute("content", meta);
  doc.head.append(tag);
  const store = new Map<string, string>();
  const local = new Map<string, string>();
  const replace = vi.fn();
  const fetch = vi.fn(async (_path: string, _init?: RequestInit) => new Response(null, { status: 200 }));
  const postMessage = vi.fn();
  const win = {
    document: doc,
    fetch,
    location: { replace },
    navigator: { serviceWorker: { controller: { postMessage } } },
    localStorage: {
      getItem: (key: string) => local.get(key) ?? null,
      setItem: (key: string, value: string) => void local.set(key, value),
      removeItem: (key: string) => void local.delete(key),
    },
    sessionStorage: {
      getItem: (key: string) => store.get(key) ?? null,
      setItem: (key: string, value: string) => void store.set(key, value),
      removeItem: (key: string) => void store.delete(key),
    },
    performance: { getEntriesByType: () => [{ type: navigationType }] },
  } as unknown as Window;
  return { win, replace, store, local, fetch, postMessage };
}

describe("quick exit", () => {
  it("replaces the page with the operator's neutral site and clears the title", () => {
    const { win, replace } = fakeWindow("navigate");
    win.document.title = "Account · Mutual";
    quickExit(win);
    expect(replace).toHaveBeenCalledWith("https://neutral.example/weather");
    expect(win.document.title).toBe("");
  });

  it("with the person's choice to end the session, asks the server to sign this device out, in a request that outlives the page, before leaving", () => {
    const { win, replace, fetch } = fakeWindow("navigate");
    quickExit(win, { endSession: true });
    expect(fetch).toHaveBeenCalledWith("/api/auth/sign-out", expect.objectContaining({ method: "POST", keepalive: true, credentials: "same-origin" }));
    expect(fetch.mock.invocationCallOrder[0]).toBeLessThan(replace.mock.invocationCallOrder[0]!);
    expect(replace).toHaveBeenCalledWith("https://neutral.example/weather");
    // Without that choice it leaves and keeps the session.
    const kept = fakeWindow("navigate");
    quickExit(kept.win);
    quickExit(kept.win, { endSession: false });
    expect(kept.fetch).not.toHaveBeenCalled();
    expect(kept.replace).toHaveBeenCalledTimes(2);
  });

  it("with the session ended, also stops pushes to this device, before the sign-out and without waiting for either", () => {
    const { win, replace, local, fetch, postMessage } = fakeWindow("navigate");
    local.set("mutual:push-endpoint", "https://push.example.net/send/device-1");
    // The server never answers: leaving must not wait for it.
    fetch.mockImplementation(() => new Promise<Response>(() => undefined));
    quickExit(win, { endSession: true });
    expect(replace).toHaveBeenCalledWith("https://neutral.example/weather");
    expect(fetch.mock.calls.map(([path]) => path)).toEqual(["/api/push/unsubscribe", "/api/auth/sign-out"]);
    const [, unsubscribe] = fetch.mock.calls[0]!;
    expect(unsubscribe).toMatchObject({ method: "POST", keepalive: true, credentials: "same-origin" });
    expect(JSON.parse(String(unsubscribe?.body))).toEqual({ endpoint: "https://push.example.net/send/device-1" });
    // The worker unsubscribes the device in the browser too, and nothing of it stays in storage.
    expect(postMessage).toHaveBeenCalledWith({ type: "forget-push" });
    expect(local.has("mutual:push-endpoint")).toBe(false);

    // A device with push off here: only the sign-out goes.
    const noPush = fakeWindow("navigate");
    quickExit(noPush.win, { endSession: true });
    expect(noPush.fetch.mock.calls.map(([path]) => path)).toEqual(["/api/auth/sign-out"]);
    // Leaving while keeping the session keeps push on this device as well.
    const kept = fakeWindow("navigate");
    kept.local.set("mutual:push-endpoint", "https://push.example.net/send/device-2");
    quickExit(kept.win);
    expect(kept.fetch).not.toHaveBeenCalled();
    expect(kept.postMessage).not.toHaveBeenCalled();
    expect(kept.local.get("mutual:push-endpoint")).toBe("https://push.example.net/send/device-2");
  });

  it("falls back to a neutral site when the meta tag is missing or not a web address", () => {
    expect(quickExitUrl(fakeWindow("navigate", "javascript:alert(1)").win.document)).toBe("https://www.google.com/");
  });

  it("sends a Back press after a quick exit straight to the neutral site again", () => {
    const { win, replace } = fakeWindow("back_forward");
    quickExit(win);
    replace.mockClear();
    expect(guardAgainstReturn(win)).toBe(true);
    expect(replace).toHaveBeenCalledWith("https://neutral.example/weather");
  });

  it("opens normally on a fresh visit, and forgets the exit", () => {
    const { win, replace, store } = fakeWindow("navigate");
    store.set("mutual:exited", "1");
    expect(guardAgainstReturn(win)).toBe(false);
    expect(replace).not.toHaveBeenCalled();
    expect(store.has("mutual:exited")).toBe(false);
  });

  it("leaves when Esc is pressed twice within a second, not once", () => {
    const onExit = vi.fn();
    const stop = listenForExitShortcut(onExit);
    window.dispatchEvent(new KeyboardEvent("keydown", { key: "Escape" }));
    expect(onExit).not.toHaveBeenCalled();
    window.dispatchEvent(new KeyboardEvent("keydown", { key: "Escape" }));
    expect(onExit).toHaveBeenCalledTimes(1);
    stop();
  });
});
