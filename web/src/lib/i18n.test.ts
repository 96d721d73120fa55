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

function hasText(catalogue: unknown, key: string): boolean {
  return typeof key.split(".").reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], catalogue) === "string";
}

/** A key has a text, or plural forms i18next picks by `count` (English needs "_one" and "_other"). */
function hasKey(catalogue: unknown, key: string): boolean {
  return hasText(catalogue, key) || (hasText(catalogue, `${key}_one`) && hasText(catalogue, `${key}_other`));
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
