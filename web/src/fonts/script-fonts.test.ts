import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { shellTextPlugin } from "../../shell-text-plugin";

// The scripts many devices lack (decision 079): Tamil and Chinese bring a font from our own server,
// only with their own words, and only after the person's installed fonts.

const require = createRequire(import.meta.url);
const fontsDir = import.meta.dirname;
const scripts = [
  { language: "ta", family: "Noto Sans Tamil Variable", installed: ["Tamil Sangam MN", "Nirmala UI", "Noto Sans Tamil"] },
  { language: "zh-Hans", family: "Noto Sans SC Variable", installed: ["PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC"] },
];

/** The family list of the rule for `:root:lang(<language>)`, in order. */
function stackOf(css: string, language: string): string[] {
  const rule = new RegExp(`:root:lang\\(${language}\\)\\s*\\{\\s*font-family:([^;]+);`).exec(css);
  if (!rule?.[1]) throw new Error(`no font stack for ${language}`);
  return rule[1].split(",").map((name) => name.trim().replace(/^"|"$/g, ""));
}

/** The package's @font-face rules that a font file imports. */
function fontFaces(css: string): string[] {
  const imported = /@import\s+"([^"]+)"/.exec(css)?.[1];
  if (!imported) throw new Error("the font file imports no package");
  return readFileSync(require.resolve(imported), "utf8").match(/@font-face\s*\{[^}]*\}/g) ?? [];
}

/** What the shell-text plugin makes of a language's frame words. */
function shellModule(language: string): string {
  const load = shellTextPlugin().load as (this: { addWatchFile: (file: string) => void }, id: string) => string;
  return load.call({ addWatchFile: () => undefined }, `\0virtual:shell-text/${language}`);
}

describe.each(scripts)("the $language font", ({ language, family, installed }) => {
  const css = readFileSync(path.join(fontsDir, `${language}.css`), "utf8");

  it("comes after the fonts a device may have, and before the generic fallback", () => {
    const stack = stackOf(css, language);
    expect(stack.at(-1)).toBe("sans-serif");
    expect(stack.at(-2)).toBe(family);
    for (const name of installed) expect(stack.indexOf(name), name).toBeGreaterThan(-1);
    expect(stack.indexOf(family)).toBeGreaterThan(Math.max(...installed.map((name) => stack.indexOf(name))));
  });

  it("is files of our own, in unicode-range slices, shown with the fallback until they arrive", () => {
    const faces = fontFaces(css);
    expect(faces.length).toBeGreaterThan(0);
    for (const face of faces) {
      expect(face).toContain(`font-family: '${family}'`);
      expect(face).toMatch(/font-display:\s*swap/);
      expect(face).toMatch(/unicode-range:/);
      expect(face).toMatch(/src:\s*url\(\.\/files\/[\w-]+\.woff2\)/);
      expect(face).not.toMatch(/url\(\s*["']?(https?:)?\/\//);
    }
  });

  it("loads with the language's frame words, which wait for it", () => {
    const module = shellModule(language);
    expect(module).toContain(JSON.stringify(path.join(fontsDir, `${language}.css`)));
    expect(module).toMatch(/^export default import\(.*\)\.catch\(.*\)\.then\(/);
  });
});

describe("languages whose script every device has", () => {
  it("load no font with their words", () => {
    for (const language of ["en", "ms"]) expect(shellModule(language)).not.toContain("fonts/");
  });
});
