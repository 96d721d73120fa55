import fs from "node:fs";
import { fileURLToPath } from "node:url";
import { z } from "zod";
import { helpResourceSchema, helpResourcesResponseSchema, languageCodes, type HelpResourcesResponse, type Language } from "@mutual/core";

/** The Singapore defaults shipped with the product (server/data), used when no path is configured. */
export const defaultHelpResourcesPath = fileURLToPath(new URL("../../../data/help-resources.sg.json", import.meta.url));

/**
 * A text a person reads (a name, a description, the hours, the region): one string, said the same in
 * every language, or one per language, English required (issue 18, decision 083). A plain string is
 * what files written before had, and still works.
 */
const localizedTextSchema = z.union([
  z.string().min(1),
  z.object({ en: z.string().min(1), "zh-Hans": z.string().min(1).optional(), ms: z.string().min(1).optional(), ta: z.string().min(1).optional() }).strict(),
]);
type LocalizedText = z.infer<typeof localizedTextSchema>;

/** The words of a text in a language: its own when written, else the English. */
function textIn(text: LocalizedText, language: Language): string {
  return typeof text === "string" ? text : (text[language] ?? text.en);
}

/**
 * The operator's file: the API shape, with its readable texts in one or several languages, plus
 * notes for whoever maintains it (one for the file, one per entry), which are never served: an
 * internal remark about a number's verification is not for someone in distress to read. Nothing else.
 */
const helpResourcesFileSchema = helpResourcesResponseSchema
  .extend({
    note: z.string().optional(),
    region: localizedTextSchema,
    resources: z
      .array(
        helpResourceSchema
          .extend({
            name: localizedTextSchema,
            description: localizedTextSchema,
            hours: localizedTextSchema,
            text: localizedTextSchema.nullable(),
            operatorNote: z.string().optional(),
          })
          .strict(),
      )
      .min(1),
  })
  .strict()
  .superRefine((file, context) => {
    const seen = new Set<string>();
    file.resources.forEach((resource, index) => {
      if (seen.has(resource.id)) context.addIssue({ code: "custom", path: ["resources", index, "id"], message: `duplicate id "${resource.id}"` });
      seen.add(resource.id);
      if (resource.phone === null && resource.text === null && resource.website === null) {
        context.addIssue({ code: "custom", path: ["resources", index], message: "needs at least one of phone, text or website" });
      }
    });
  });
export type HelpResourcesFile = z.infer<typeof helpResourcesFileSchema>;

/** The resources as served in each language, worked out once at start-up. */
export type HelpResourcesByLanguage = Readonly<Record<Language, HelpResourcesResponse>>;

export class HelpResourcesFileError extends Error {
  constructor(
    readonly file: string,
    readonly problems: string[],
  ) {
    super(
      `Help resources file ${file} is not valid (set HELP_RESOURCES_PATH to a correct file or unset it):\n${problems.map((problem) => `  - ${problem}`).join("\n")}`,
    );
    this.name = "HelpResourcesFileError";
  }
}

/** Reads and validates the help resources file as written, notes and every language included; every problem is listed in the error. */
export function readHelpResourcesFile(file: string = defaultHelpResourcesPath): HelpResourcesFile {
  let raw: unknown;
  try {
    raw = JSON.parse(fs.readFileSync(file, "utf8"));
  } catch (error) {
    throw new HelpResourcesFileError(file, [error instanceof Error ? error.message : String(error)]);
  }
  const parsed = helpResourcesFileSchema.safeParse(raw);
  if (!parsed.success) {
    throw new HelpResourcesFileError(
      file,
      parsed.error.issues.map((issue) => `${issue.path.length > 0 ? issue.path.join(".") : "(file)"}: ${issue.message}`),
    );
  }
  return parsed.data;
}

/** Reads and validates the help resources file once, at start-up, and gives what is served in each language. */
export function loadHelpResources(file: string = defaultHelpResourcesPath): HelpResourcesByLanguage {
  const { region, updatedOn, resources } = readHelpResourcesFile(file);
  const inLanguage = (language: Language): HelpResourcesResponse => ({
    region: textIn(region, language),
    updatedOn,
    resources: resources.map(({ operatorNote: _forTheOperator, name, description, hours, text, ...resource }) => ({
      ...resource,
      name: textIn(name, language),
      description: textIn(description, language),
      hours: textIn(hours, language),
      text: text === null ? null : textIn(text, language),
    })),
  });
  return Object.fromEntries(languageCodes.map((language) => [language, inLanguage(language)])) as Record<Language, HelpResourcesResponse>;
}
