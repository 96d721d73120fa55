import { describe, expect, it } from "vitest";
import { checkCatalogues, type Catalogues } from "@mutual/core";
import { readHelpResourcesFile } from "./help-resources.file.js";

describe("[no database] the shipped help resources in four languages", () => {
  it("gives every name, description, hours and text a person reads in Chinese, Malay and Tamil, or one text for all", () => {
    const file = readHelpResourcesFile();
    // Each readable text written per language, as one catalogue: a plain string is one text for all languages, as a name kept in English is.
    const catalogues: { en: Record<string, string>; "zh-Hans": Record<string, string>; ms: Record<string, string>; ta: Record<string, string> } = {
      en: {},
      "zh-Hans": {},
      ms: {},
      ta: {},
    };
    const add = (key: string, text: string | { en: string; "zh-Hans"?: string; ms?: string; ta?: string } | null) => {
      if (text === null) return;
      for (const language of ["en", "zh-Hans", "ms", "ta"] as const) {
        const said = typeof text === "string" ? text : text[language];
        if (said !== undefined) catalogues[language][key] = said;
      }
    };
    add("region", file.region);
    for (const resource of file.resources) {
      for (const field of ["name", "description", "hours", "text"] as const) add(`${resource.id}.${field}`, resource[field]);
    }
    expect(checkCatalogues(catalogues as Catalogues<string>)).toEqual([]);
    // Descriptions are sentences a person in distress reads: each one written in every language.
    for (const resource of file.resources) expect(typeof resource.description, resource.id).toBe("object");
  });
});
