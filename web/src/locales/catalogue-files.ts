// Where each part of the catalogue lives (decision 074), one English file each; another language's
// file sits beside it by one convention: locales/en.json → locales/<language>.json,
// sign-up.en.json → sign-up.<language>.json, locales/en/common.json → locales/<language>/common.json.
// Paths are from web/src. A test holds this list to the English catalogue (locales/en/index.ts).

/** The top-level key of each feature's catalogue, and its English file; common.json's parts sit at the top level. */
export const catalogueFiles = {
  "": "locales/en/common.json",
  assessment: "features/assessment/locales/en.json",
  checkIn: "features/check-in/locales/en.json",
  consent: "features/consent/locales/en.json",
  couple: "features/couple/locales/en.json",
  dataExport: "features/data-export/locales/en.json",
  dataViews: "features/data-views/locales/en.json",
  help: "features/help/locales/en.json",
  practices: "features/practices/locales/en.json",
  profile: "features/profile/locales/en.json",
  trends: "features/trends/locales/en.json",
  twoFactor: "features/two-factor/locales/en.json",
  counsellingPractice: "features/counselling-practice/locales/en.json",
  counselling: "features/counselling/locales/en.json",
  practiceReport: "features/practice-report/locales/en.json",
  practicePsychometrics: "features/practice-psychometrics/locales/en.json",
  clientDashboard: "features/client-dashboard/locales/en.json",
  inviteCode: "components/invite-code/locales/en.json",
  passwordReset: "features/auth/locales/en.json",
  signUpEmail: "features/auth/locales/sign-up.en.json",
  sharing: "components/sharing/locales/en.json",
  reminders: "features/reminders/locales/en.json",
  progress: "features/progress/locales/en.json",
  clientRequests: "features/client-requests/locales/en.json",
  inviteLanding: "features/invite-landing/locales/en.json",
} as const;

/** The file of a language that stands beside an English file. */
export function translationPath(englishPath: string, language: string): string {
  if (englishPath.endsWith("/en/common.json")) return englishPath.replace(/\/en\/common\.json$/, `/${language}/common.json`);
  return englishPath.replace(/(^|\/|\.)en\.json$/, `$1${language}.json`);
}

export type Assembled = { catalogue: Record<string, unknown>; missing: string[] };

/**
 * One language's catalogue from the files found for it (paths from web/src, as import.meta.glob
 * names them with its base), and the English files that have no counterpart yet: their text stays English.
 */
export function assembleCatalogue(language: string, files: Record<string, unknown>): Assembled {
  const found = Object.fromEntries(Object.entries(files).map(([path, content]) => [path.replace(/^\.\//, ""), content]));
  const catalogue: Record<string, unknown> = {};
  const missing: string[] = [];
  for (const [key, englishPath] of Object.entries(catalogueFiles)) {
    const content = found[translationPath(englishPath, language)];
    if (content === undefined || content === null || typeof content !== "object") {
      missing.push(englishPath);
      continue;
    }
    if (key === "") Object.assign(catalogue, content);
    else catalogue[key] = content;
  }
  return { catalogue, missing };
}
