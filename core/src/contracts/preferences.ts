// A person's own settings for how Mutual behaves on their devices (decisions 037, 074).
import { z } from "zod";
import { languageCodes } from "../localization/language-tags.js";

export const languageSchema = z.enum(languageCodes);
export type LanguageCode = z.infer<typeof languageSchema>;

/** GET /api/preferences and the answer to PUT. */
export const preferencesSchema = z.object({
  /**
   * Quick exit also signs this device out (ends the session of the browser where it is used), so
   * whoever picks the device up next finds no one signed in. On unless the person turns it off.
   */
  quickExitEndsSession: z.boolean(),
  /** The language the person chose for Mutual; null until they choose one (each device then follows its browser). */
  language: languageSchema.nullable(),
});
export type Preferences = z.infer<typeof preferencesSchema>;

/** PUT /api/preferences: the whole set; a language left out stays as it is. */
export const putPreferencesBodySchema = preferencesSchema.extend({ language: languageSchema.nullable().optional() }).strict();
export type PutPreferencesBody = z.infer<typeof putPreferencesBodySchema>;

/** PUT /api/preferences/language: only the language, as the language switch of every page sends it. */
export const putLanguageBodySchema = z.object({ language: languageSchema }).strict();
export type PutLanguageBody = z.infer<typeof putLanguageBodySchema>;

/** What a person who never changed anything gets: the safer choice, and no language of their own yet. */
export const DEFAULT_PREFERENCES: Preferences = { quickExitEndsSession: true, language: null };
