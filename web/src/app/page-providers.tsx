import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { I18nextProvider } from "react-i18next";
import type { Preferences, PracticesResponse } from "@mutual/core";
import type { CatalogueKey } from "../locales/catalogue-files";
import { initI18n, loadCatalogues } from "../lib/i18n";
import { subscribeLanguage } from "../lib/language";
import {
  getSession,
  getShellPractices,
  getShellPreferences,
  onSignOut,
  setSessionPerson,
  setShellPractices,
  setShellPreferences,
  subscribeSession,
  type Me,
} from "../lib/session";

// What every page but the frame and the home page's welcome needs (decision 043), loaded with the
// first lazy page: i18next with the text of the pages loaded so far, and TanStack Query with one cache for the whole
// visit, kept in step with the frame's session store both ways.

const meKey = "me";
const preferencesKey = "preferences";
// The same key as lib/api/practice-api.ts: a practice created or joined shows in the menu at once.
const practicesKey = "practices";

/** Keeps a query cache and the frame's session store saying the same, whichever learns first. */
export function linkSession(client: QueryClient): () => void {
  const toCache = () => {
    const session = getSession();
    if (session.data !== undefined && client.getQueryData([meKey]) !== session.data) client.setQueryData([meKey], session.data);
    const preferences = getShellPreferences();
    if (preferences !== undefined && client.getQueryData([preferencesKey]) !== preferences) client.setQueryData([preferencesKey], preferences);
    const practices = getShellPractices();
    if (practices !== undefined && client.getQueryData([practicesKey]) !== practices) client.setQueryData([practicesKey], practices);
  };
  toCache();
  const unsubscribeStore = subscribeSession(toCache);
  const unsubscribeCache = client.getQueryCache().subscribe((event) => {
    if (event.type !== "updated" || event.action.type !== "success") return;
    const [key] = event.query.queryKey;
    const data: unknown = event.query.state.data;
    if (key === meKey && data !== undefined && getSession().data !== data) setSessionPerson(data as Me | null);
    if (key === preferencesKey && data !== undefined && getShellPreferences() !== data) setShellPreferences(data as Preferences);
    if (key === practicesKey && event.query.queryKey.length === 1 && data !== undefined && getShellPractices() !== data)
      setShellPractices(data as PracticesResponse);
  });
  const unsubscribeSignOut = onSignOut(() => {
    client.removeQueries();
    client.setQueryData([meKey], null);
  });
  // The server's words in every answer are in the page's language (decision 076): a new language asks again.
  const unsubscribeLanguage = subscribeLanguage(() => void client.invalidateQueries());
  return () => {
    unsubscribeLanguage();
    unsubscribeStore();
    unsubscribeCache();
    unsubscribeSignOut();
  };
}

let visitClient: QueryClient | undefined;

/** The one query cache of this visit, linked to the frame's session store. */
function queryClientOfVisit(): QueryClient {
  if (!visitClient) {
    // An answer a couple of seconds old is still fresh: a part of a page that appears once its data
    // is in (the sentence about who can see the profile, say) asks for the same thing as the page
    // did a moment before, and would otherwise ask the server again. Changes still refetch at once
    // (mutations invalidate), and anything older is asked again as before.
    visitClient = new QueryClient({ defaultOptions: { queries: { refetchOnWindowFocus: true, staleTime: 2_000 } } });
    linkSession(visitClient);
  }
  return visitClient;
}

/** The text of the catalogues a lazy page shows, before it renders (decision 095). */
export async function loadPageText(catalogues: readonly CatalogueKey[]): Promise<void> {
  initI18n();
  await loadCatalogues(catalogues);
}

/** Translations and the query cache around a lazily loaded page (tests pass their own cache). */
export function PageProviders({ children, queryClient }: { children: ReactNode; queryClient?: QueryClient }) {
  return (
    <I18nextProvider i18n={initI18n()}>
      <QueryClientProvider client={queryClient ?? queryClientOfVisit()}>{children}</QueryClientProvider>
    </I18nextProvider>
  );
}
