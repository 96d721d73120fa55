import { assembleCatalogue } from "../catalogue-files";

// Every zh-Hans catalogue file, found by the file convention (catalogue-files.ts): one chunk, loaded only
// when the page is shown in zh-Hans. A file not written yet is simply not found; its text stays English.
// Patterns are read from the base, web/src, so the keys are the paths catalogue-files.ts names.
const files = import.meta.glob(
  ["./features/*/locales/zh-Hans.json", "./components/*/locales/zh-Hans.json", "./features/auth/locales/sign-up.zh-Hans.json", "./locales/zh-Hans/common.json"],
  { eager: true, import: "default", base: "../../" },
);

export const translation = assembleCatalogue("zh-Hans", files);
