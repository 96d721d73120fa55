import { assembleCatalogue } from "../catalogue-files";

// Every ta catalogue file, found by the file convention (catalogue-files.ts): one chunk, loaded only
// when the page is shown in ta. A file not written yet is simply not found; its text stays English.
// Patterns are read from the base, web/src, so the keys are the paths catalogue-files.ts names.
const files = import.meta.glob(
  ["./features/*/locales/ta.json", "./components/*/locales/ta.json", "./features/auth/locales/sign-up.ta.json", "./locales/ta/common.json"],
  { eager: true, import: "default", base: "../../" },
);

export const translation = assembleCatalogue("ta", files);
