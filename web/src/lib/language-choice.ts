import { useEffect } from "react";
import type { Preferences } from "@mutual/core";
import { requestJson } from "./api-client";
import { getLanguage, rememberedLanguage, setLanguage, type Language } from "./language";
import { getSession, setShellPreferences, useShellPreferences } from "./session";

// A language chosen with the switch (decision 074) is kept on this device and, for someone signed in,
// with their settings on the server, so that it follows them: at sign-in on another device the page
// turns to their language.

async function storeForPerson(language: Language): Promise<void> {
  setShellPreferences(await requestJson<Preferences>("/api/preferences/language", { method: "PUT", body: { language } }));
}

/** Shows the page in a language, remembers it here, and stores it for the signed-in person. */
export async function chooseLanguage(language: Language): Promise<void> {
  await setLanguage(language, { remember: true });
  // The page already reads in the language; storing it may fail without undoing that.
  if (getSession().data) await storeForPerson(language).catch(() => undefined);
}

/**
 * Once a signed-in person's settings arrive: their stored language is shown (and remembered here);
 * if they never stored one, the language they read here is stored for them (the one chosen on this
 * device, else the browser's that the page follows), so what the server sends them unasked, a
 * reminder or a counsellor's request, comes in the language they read Mutual in.
 */
export function useLanguageOfPerson(isSignedIn: boolean): void {
  const stored = useShellPreferences(isSignedIn)?.language;
  useEffect(() => {
    if (stored === undefined) return;
    if (stored === null) {
      void storeForPerson(rememberedLanguage() ?? getLanguage()).catch(() => undefined);
    } else if (stored !== getLanguage()) {
      void setLanguage(stored, { remember: true }).catch(() => undefined);
    }
  }, [stored]);
}
