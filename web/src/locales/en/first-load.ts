import type enCommon from "./common.json";
// Only these four parts of common.json, not the whole file (web/shell-text-plugin.ts): the rest
// arrives with the other text (later.ts).
import enShell from "virtual:shell-text/en";

// The English text split in two so the first screen downloads only what it shows:
// the frame's and the home page's own text come with the app;
// the rest arrives in one chunk beside the first lazily loaded page (see later.ts).
// index.ts stays the single list of every catalogue; a test checks the two halves match it.

type FirstLoad = Pick<typeof enCommon, "app" | "nav" | "quickExit" | "home">;

/** Text the home page and the frame of every page use. */
export const enFirstLoad = enShell as FirstLoad;

/** Every other feature's text, fetched once, the first time any other page opens. */
export async function importLaterCatalogues() {
  return (await import("./later")).enLater;
}
