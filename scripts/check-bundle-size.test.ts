import { describe, expect, it } from "vitest";
import { collectFirstLoadFiles, type Manifest } from "./check-bundle-size.js";

describe("first-load JavaScript", () => {
  it("counts the entry and its static imports, transitively and once, never the lazy chunks or CSS", () => {
    const manifest: Manifest = {
      "index.html": { file: "assets/index.js", isEntry: true, imports: ["_react.js", "_router.js"], dynamicImports: ["src/app/routes/trends.tsx"] },
      "_react.js": { file: "assets/react.js" },
      "_router.js": { file: "assets/router.js", imports: ["_react.js"] },
      "src/app/routes/trends.tsx": { file: "assets/trends.js", imports: ["_react.js"], dynamicImports: ["_uplot.js"] },
      "_uplot.js": { file: "assets/uplot.js" },
      "_style.css": { file: "assets/index.css" },
    };
    expect(collectFirstLoadFiles(manifest)).toEqual(["assets/index.js", "assets/react.js", "assets/router.js"]);
  });

  it("refuses a manifest without an entry", () => {
    expect(() => collectFirstLoadFiles({ "_a.js": { file: "assets/a.js" } })).toThrow(/no entry/);
  });
});
