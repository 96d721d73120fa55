import { useSyncExternalStore } from "react";
import { intlLocale as singaporeLocale, isLanguage, languageCodes, languageFromTags, type Language } from "@mutual/core/languages";

// The language of the page (issue 18, decision 074): Singapore's four official languages. Part of the
// first load, so it stays small: no i18next here. What must be loaded before a language shows (the
// frame's words, and i18next's catalogues once a lazy page has brought i18next) registers itself
// through onLanguageLoad; the store switches only once every loader is done, so a page never shows
// half of one language and half of another.

/** The languages Mutual speaks (core's list, decision 074). */
export const languages = languageCodes;
export type { Language };

/** Each language's name in itself, for the switch (marked with its own `lang`). */
export const languageNames: Record<Language, string> = { en: "English", "zh-Hans": "简体中文", ms: "Bahasa Melayu", ta: "தமிழ்" };

export { isLanguage };

/** How Intl formats dates and numbers in a language (i18next's name for it, or ours): Singapore's conventions. */
export function intlLocale(language: string): string {
  return singaporeLocale(isLanguage(language) ? language : "en");
}

/** The browser's language tags, in the person's order, mapped to ours (the server reads `Accept-Language` the same way). */
export const languageFromBrowser = languageFromTags;

const storageKey = "mutual.language";

/** The language chosen on this device before, if any. */
export function rememberedLanguage(): Language | undefined {
  try {
    const value = window.localStorage.getItem(storageKey);
    return isLanguage(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

function remember(language: Language): void {
  try {
    window.localStorage.setItem(storageKey, language);
  } catch {
    // Storage may be off (private browsing): the choice then lasts for this visit.
  }
}

/** The language of a first visit: the one chosen on this device, else the browser's. */
export function startingLanguage(): Language {
  return rememberedLanguage() ?? languageFromBrowser(typeof navigator === "undefined" ? [] : (navigator.languages ?? [navigator.language]));
}

let current: Language = "en";
const listeners = new Set<() => void>();
const loaders = new Set<(language: Language) => Promise<void>>();
let choosing = 0;

export const getLanguage = (): Language => current;

export function subscribeLanguage(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Registers what must be loaded before a language can show; runs at once for the current one when it is not English. */
export function onLanguageLoad(loader: (language: Language) => Promise<void>): () => void {
  loaders.add(loader);
  return () => loaders.delete(loader);
}

/**
 * Shows the page in a language: loads what it needs, then switches every part at once and sets
 * `<html lang>`. `remember` keeps it on this device. A newer choice made while this one loads wins.
 */
export async function setLanguage(language: Language, { remember: keep = false } = {}): Promise<void> {
  const ticket = ++choosing;
  if (keep) remember(language);
  await Promise.all([...loaders].map((load) => load(language)));
  if (ticket !== choosing) return;
  current = language;
  document.documentElement.lang = language;
  for (const listener of listeners) listener();
}

/** The active language; a component that reads it re-renders when it changes. */
export function useLanguage(): Language {
  return useSyncExternalStore(subscribeLanguage, getLanguage);
}
