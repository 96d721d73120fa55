import type enCommon from "./common.json";
// Only these four parts of common.json, not the whole file (web/shell-text-plugin.ts): every other
// catalogue arrives with the pages that show it (translations/load.ts, decision 095).
import enShell from "virtual:shell-text/en";

// The English text the first screen shows: the frame's and the home page's own text come with the
// app; each other catalogue is a chunk of its own, loaded beside the pages that show it (decision 095).
// index.ts stays the single list of every catalogue; split.test.ts checks the parts add up to it.

type FirstLoad = Pick<typeof enCommon, "app" | "nav" | "quickExit" | "home">;

/** Text the home page and the frame of every page use. */
export const enFirstLoad = enShell as FirstLoad;
