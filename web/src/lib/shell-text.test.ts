import i18next from "i18next";
import { describe, expect, it } from "vitest";
import { enFirstLoad } from "../locales/en/first-load";
import { shellText, type ShellTextKey } from "./shell-text";

// The frame's text without i18next must read exactly as i18next would give it (decision 043).
function keysOf(node: object, prefix = ""): string[] {
  return Object.entries(node).flatMap(([key, value]) => (typeof value === "string" ? [`${prefix}${key}`] : keysOf(value as object, `${prefix}${key}.`)));
}

describe("the frame's text", () => {
  it("gives every first-load sentence as i18next does, placeholders filled", () => {
    const keys = keysOf(enFirstLoad) as ShellTextKey[];
    expect(keys.length).toBeGreaterThan(30);
    for (const key of keys) expect(shellText(key, { name: "Sam" }), key).toBe(i18next.t(key, { name: "Sam" }));
    expect(shellText("home.greeting", { name: "Sam" })).toBe("Hello, Sam");
  });
});

describe("the frame's text in another language", () => {
  it("comes from the language's own file, only its first-load parts, and falls back to English key by key", async () => {
    const { loadShellText } = await import("./shell-text");
    const fixture = { app: { name: "Mutual" }, nav: { home: "[ta] Home" }, quickExit: {}, home: { greeting: "[ta] Hello, {{name}}" } };
    await loadShellText("ta", { ta: async () => ({ default: fixture }) });
    expect(shellText("nav.home", {}, "ta")).toBe("[ta] Home");
    expect(shellText("home.greeting", { name: "Sam" }, "ta")).toBe("[ta] Hello, Sam");
    expect(shellText("nav.signIn", {}, "ta")).toBe("Sign in");
    expect(shellText("nav.home", {}, "en")).toBe("Home");
    // A language whose file is not written yet keeps English.
    await loadShellText("ms", { ms: async () => ({ default: null }) });
    expect(shellText("nav.home", {}, "ms")).toBe("Home");
  });

  it("is cut from common.json by the build: the four parts the frame shows, nothing else", async () => {
    const english = (await import("virtual:shell-text/en")).default;
    expect(Object.keys(english ?? {})).toEqual(["app", "nav", "quickExit", "home"]);
  });
});
