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
