import fs from "node:fs";
import { fileURLToPath } from "node:url";
import { z } from "zod";
import { helpResourceSchema, helpResourcesResponseSchema, type HelpResourcesResponse } from "@mutual/core";

/** The Singapore defaults shipped with the product (server/data), used when no path is configured. */
export const defaultHelpResourcesPath = fileURLToPath(new URL("../../../data/help-resources.sg.json", import.meta.url));

/**
 * The operator's file: the API shape plus notes for whoever maintains it (one for the file, one per
 * entry), which are never served: an internal remark about a number's verification is not for
 * someone in distress to read. Nothing else.
 */
const helpResourcesFileSchema = helpResourcesResponseSchema
  .extend({ note: z.string().optional(), resources: z.array(helpResourceSchema.extend({ operatorNote: z.string().optional() }).strict()).min(1) })
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

/** Reads and validates the help resources file once, at start-up; every problem is listed in the error. */
export function loadHelpResources(file: string = defaultHelpResourcesPath): HelpResourcesResponse {
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
  const { region, updatedOn, resources } = parsed.data;
  return { region, updatedOn, resources: resources.map(({ operatorNote: _forTheOperator, ...resource }) => resource) };
}
