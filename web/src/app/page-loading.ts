import { importLaterCatalogues } from "../locales/en/first-load";
import { importTranslation } from "../locales/translations/load";
import { getLanguage } from "../lib/language";
import { loadChunk } from "../lib/reload-on-new-version";
import { yieldToMain } from "../lib/yield-to-main";
import type * as PageProvidersModule from "./page-providers";

// How a lazy page arrives (decision 061): its code, the page providers (i18next, TanStack Query)
// and the text of every feature are all asked for at once, instead of the text only after the
// providers ran; and the work once they are here is cut into short tasks, so the browser can
// paint and answer input between them instead of running one long task.

/** A page module and the page providers, ready to render: text added, in short tasks. */
export async function loadPageWithProviders<Page>(load: () => Promise<Page>): Promise<[Page, typeof PageProvidersModule]> {
  // The text chunk downloads beside the page's code (a failure here is met again, and handled, below).
  importLaterCatalogues().catch(() => undefined);
  const language = getLanguage();
  if (language !== "en") importTranslation(language).catch(() => undefined);
  const [page, providers] = await Promise.all([loadChunk(load), loadChunk(() => import("./page-providers"))]);
  await yieldToMain();
  await providers.loadPageText();
  await yieldToMain();
  return [page, providers];
}
