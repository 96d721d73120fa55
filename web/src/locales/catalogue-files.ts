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

/** The parts of common.json the frame and the home page show: the first load's text (decisions 043, 074). */
export const frameParts = ["app", "nav", "quickExit", "home"] as const;

/** The other parts of common.json: each a catalogue of its own, loaded by the pages that show it (decision 095). */
export const laterCommonParts = ["auth", "validation", "account", "notFound"] as const;

type FeatureKey = Exclude<keyof typeof catalogueFiles, "">;

/** A catalogue loaded with the pages that show it: a feature's file or a later part of common.json. */
export type CatalogueKey = FeatureKey | (typeof laterCommonParts)[number];

/** Every catalogue key, in a stable order. */
export const catalogueKeys: readonly string[] = [
  ...laterCommonParts,
  ...Object.keys(catalogueFiles).filter((key): key is FeatureKey => key !== ""),
] satisfies readonly CatalogueKey[];

/** Where a catalogue's text lives in a language: its file (from web/src), and the part of it for common.json's. */
export function catalogueFile(key: string, language: string): { file: string; part?: string } {
  if ((laterCommonParts as readonly string[]).includes(key)) return { file: translationPath(catalogueFiles[""], language), part: key };
  const english = (catalogueFiles as Record<string, string>)[key];
  if (english === undefined || key === "") throw new Error(`Not a catalogue: ${key}`);
  return { file: translationPath(english, language) };
}
