import type { Preferences } from "@mutual/core";

/** The allow-list of what /api/preferences returns, field by field. */
export function presentPreferences(preferences: Preferences): Preferences {
  return { quickExitEndsSession: preferences.quickExitEndsSession, language: preferences.language };
}
