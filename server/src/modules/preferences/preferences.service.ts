import type { Kysely } from "kysely";
import { DEFAULT_PREFERENCES, type Preferences } from "@mutual/core";
import type { DB } from "../../db/schema.js";
import type { Clock } from "../../platform/clock.js";
import { findPreferences, upsertPreferences } from "./preferences.repository.js";

export type PreferencesDeps = { db: Kysely<DB>; clock: Clock };

/** The person's own preferences: what they chose, else the defaults. Only ever the caller's own. */
export async function getPreferences(deps: PreferencesDeps, userId: string): Promise<Preferences> {
  return { ...DEFAULT_PREFERENCES, ...(await findPreferences(deps.db, userId)) };
}

/** Replaces the person's preferences; no consent is needed, as nothing they answered is stored. */
export async function putPreferences(deps: PreferencesDeps, userId: string, preferences: Preferences): Promise<Preferences> {
  await upsertPreferences(deps.db, userId, preferences, deps.clock.now().getTime());
  return getPreferences(deps, userId);
}

/** For the person's data export. */
export async function getPreferencesForExport(db: Kysely<DB>, userId: string): Promise<Preferences> {
  return { ...DEFAULT_PREFERENCES, ...(await findPreferences(db, userId)) };
}
