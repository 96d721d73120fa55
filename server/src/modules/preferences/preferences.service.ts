import type { Kysely } from "kysely";
import { DEFAULT_PREFERENCES, type LanguageCode, type Preferences, type PutPreferencesBody } from "@mutual/core";
import type { DB } from "../../db/schema.js";
import type { Clock } from "../../platform/clock.js";
import { findPreferences, upsertLanguage, upsertPreferences } from "./preferences.repository.js";

export type PreferencesDeps = { db: Kysely<DB>; clock: Clock };

/** The person's own preferences: what they chose, else the defaults. Only ever the caller's own. */
export async function getPreferences(deps: PreferencesDeps, userId: string): Promise<Preferences> {
  return { ...DEFAULT_PREFERENCES, ...(await findPreferences(deps.db, userId)) };
}

/** Replaces the person's preferences (a language left out stays as it is); no consent is needed, as nothing they answered is stored. */
export async function putPreferences(deps: PreferencesDeps, userId: string, body: PutPreferencesBody): Promise<Preferences> {
  const current = await getPreferences(deps, userId);
  const language = body.language === undefined ? current.language : body.language;
  await upsertPreferences(deps.db, userId, { quickExitEndsSession: body.quickExitEndsSession, language }, deps.clock.now().getTime());
  return getPreferences(deps, userId);
}

/** Stores the language the person chose with the switch of any page (decision 074). */
export async function putLanguage(deps: PreferencesDeps, userId: string, language: LanguageCode): Promise<Preferences> {
  await upsertLanguage(deps.db, userId, language, deps.clock.now().getTime());
  return getPreferences(deps, userId);
}

/** The language the person chose, or null: for what the server writes to them (emails, reminders). */
export async function getPreferredLanguage(db: Kysely<DB>, userId: string): Promise<LanguageCode | null> {
  return (await findPreferences(db, userId))?.language ?? null;
}

/** For the person's data export. */
export async function getPreferencesForExport(db: Kysely<DB>, userId: string): Promise<Preferences> {
  return { ...DEFAULT_PREFERENCES, ...(await findPreferences(db, userId)) };
}
