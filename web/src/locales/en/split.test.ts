import { describe, expect, it } from "vitest";
import { catalogueKeys, frameParts } from "../catalogue-files";
import { importCatalogue } from "../translations/load";
import type { CatalogueKey } from "../catalogue-files";
import common from "./common.json";
import { enFirstLoad } from "./first-load";
import { en } from "./index";

describe("English catalogue split", () => {
  it("the first-load text and each catalogue loaded with the pages are together exactly the whole catalogue", async () => {
    const later = Object.fromEntries(await Promise.all(catalogueKeys.map(async (key) => [key, await importCatalogue("en", key as CatalogueKey)] as const)));
    expect({ ...enFirstLoad, ...later }).toEqual(en);
    expect(Object.keys(later).filter((key) => key in enFirstLoad)).toEqual([]);
  });

  it("the first load carries only the frame's parts of common.json", () => {
    expect(Object.keys(enFirstLoad).sort()).toEqual([...frameParts].sort());
    expect(Object.keys(common).filter((part) => !(frameParts as readonly string[]).includes(part) && !catalogueKeys.includes(part))).toEqual([]);
  });
});
