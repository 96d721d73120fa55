import { QueryClient } from "@tanstack/react-query";
import { useState, type ReactNode } from "react";
import { linkSession, PageProviders } from "./page-providers";

/**
 * Every provider at once, for tests that render features outside the lazy page loader. The app
 * itself puts them around each lazy page only (router.tsx, decision 043).
 */
export function AppProvider({ children, queryClient }: { children: ReactNode; queryClient?: QueryClient }) {
  const [client] = useState(() => queryClient ?? new QueryClient({ defaultOptions: { queries: { refetchOnWindowFocus: true } } }));
  useState(() => linkSession(client));
  return <PageProviders queryClient={client}>{children}</PageProviders>;
}
