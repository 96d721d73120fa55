import { describe, expect, it, vi } from "vitest";
import { loadChunk } from "./reload-on-new-version";

function fakeWindow() {
  const store = new Map<string, string>();
  const reload = vi.fn();
  const win = {
    location: { reload },
    sessionStorage: {
      getItem: (key: string) => store.get(key) ?? null,
      setItem: (key: string, value: string) => void store.set(key, value),
      removeItem: (key: string) => void store.delete(key),
    },
  } as unknown as Window;
  return { win, reload, store };
}

describe("loadChunk", () => {
  it("reloads the page once when a chunk from an older build cannot be fetched", async () => {
    const { win, reload } = fakeWindow();
    const pending = loadChunk(() => Promise.reject(new TypeError("Failed to fetch dynamically imported module")), win);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(reload).toHaveBeenCalledTimes(1);
    void pending;
  });

  it("gives up after one reload, so an offline page shows its error instead of looping", async () => {
    const { win, reload, store } = fakeWindow();
    store.set("mutual:reloaded-for-new-version", "1");
    await expect(loadChunk(() => Promise.reject(new TypeError("offline")), win)).rejects.toThrow("offline");
    expect(reload).not.toHaveBeenCalled();
  });

  it("clears the mark once a chunk loads", async () => {
    const { win, store } = fakeWindow();
    store.set("mutual:reloaded-for-new-version", "1");
    await expect(loadChunk(() => Promise.resolve("page"), win)).resolves.toBe("page");
    expect(store.has("mutual:reloaded-for-new-version")).toBe(false);
  });
});
