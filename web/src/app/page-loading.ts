import type { CatalogueKey } from "../locales/catalogue-files";
import { importCatalogue } from "../locales/translations/load";
import { getLanguage } from "../lib/language";
import { loadChunk } from "../lib/reload-on-new-version";
import { yieldToMain } from "../lib/yield-to-main";
import type * as PageProvidersModule from "./page-providers";

// How a lazy page arrives (decisions 061, 095): its code, the page providers (i18next, TanStack Query)
// and the text of the catalogues it shows are all asked for at once, instead of the text only after
// the providers ran; and the work once they are here is cut into short tasks, so the browser can
// paint and answer input between them instead of running one long task.

/**
 * A page module and the page providers, ready to render: the page's catalogues added, in short tasks.
 * `catalogues` are the keys of every catalogue the page can show (route-catalogues.test.ts checks them).
 */
export async function loadPageWithProviders<Page>(load: () => Promise<Page>, catalogues: readonly CatalogueKey[]): Promise<[Page, typeof PageProvidersModule]> {
  // The text downloads beside the page's code (a failure here is met again, and handled, below).
  const language = getLanguage();
  for (const key of catalogues) {
    importCatalogue("en", key).catch(() => undefined);
    if (language !== "en") importCatalogue(language, key).catch(() => undefined);
  }
  const [page, providers] = await Promise.all([loadChunk(load), loadChunk(() => import("./page-providers"))]);
  await yieldToMain();
  await providers.loadPageText(catalogues);
  await yieldToMain();
  return [page, providers];
}
