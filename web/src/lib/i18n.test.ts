import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { en } from "../locales/en/index";

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(entry.name) && !entry.name.includes(".test.") ? [full] : [];
  });
}

function hasKey(catalogue: unknown, key: string): boolean {
  return typeof key.split(".").reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], catalogue) === "string";
}

describe("English catalogue", () => {
  const srcDir = path.resolve(import.meta.dirname, "..");
  const used = new Set<string>();
  for (const file of sourceFiles(srcDir)) {
    for (const match of fs.readFileSync(file, "utf8").matchAll(/\bt\(\s*"([a-zA-Z]+\.[a-zA-Z.]+)"/g)) used.add(match[1] ?? "");
  }

  it("finds the keys the UI uses", () => {
    expect(used.size).toBeGreaterThan(50);
  });

  it("has a text for every key the UI uses", () => {
    expect([...used].filter((key) => !hasKey(en, key))).toEqual([]);
  });
});
