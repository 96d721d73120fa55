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
  const replace = vi.fn();
  const fetch = vi.fn(async () => new Response(null, { status: 200 }));
  const win = {
    document: doc,
    fetch,
    location: { replace },
    sessionStorage: {
      getItem: (key: string) => store.get(key) ?? null,
      setItem: (key: string, value: string) => void store.set(key, value),
      removeItem: (key: string) => void store.delete(key),
    },
    performance: { getEntriesByType: () => [{ type: navigationType }] },
  } as unknown as Window;
  return { win, replace, store, fetch };
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
