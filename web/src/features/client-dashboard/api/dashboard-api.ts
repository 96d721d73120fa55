import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type { ClientDetailResponse, CounsellorFlagId, DashboardResponse, DashboardSort } from "@mutual/core";
import { requestJson } from "../../../lib/api-client";

// The counsellor's dashboard and a client's detail (decision 016). Every read is recorded in the
// clients' "who viewed my data", so neither is read again on focus or reconnect.

export const DASHBOARD_PAGE_SIZE = 25;

/** What the dashboard shows: sort, filters and page, kept in the address so Back works. */
export type DashboardView = {
  sort: DashboardSort;
  order: "asc" | "desc";
  flag: CounsellorFlagId | null;
  overdue: boolean;
  offTrack: boolean;
  page: number;
};

const practiceBase = (practiceId: string) => `/api/practices/${encodeURIComponent(practiceId)}`;

/** The request's query, in one fixed order: sort, order, filters, page, page size. */
export function dashboardPath(practiceId: string, view: DashboardView): string {
  const query = new URLSearchParams({ sort: view.sort, order: view.order });
  if (view.flag) query.set("flag", view.flag);
  if (view.overdue) query.set("overdue", "true");
  if (view.offTrack) query.set("offTrack", "true");
  query.set("page", String(view.page));
  query.set("pageSize", String(DASHBOARD_PAGE_SIZE));
  return `${practiceBase(practiceId)}/dashboard?${query.toString()}`;
}

export const useDashboard = (practiceId: string, view: DashboardView) =>
  useQuery({
    queryKey: ["client-dashboard", practiceId, view],
    queryFn: () => requestJson<DashboardResponse>(dashboardPath(practiceId, view)),
    // Moving between pages keeps the last page on screen until the next arrives.
    placeholderData: keepPreviousData,
    staleTime: 60_000,
    refetchOnWindowFocus: false,
    refetchOnReconnect: false,
    retry: false,
  });

export const clientDetailPath = (practiceId: string, clientId: string) => `${practiceBase(practiceId)}/clients/${encodeURIComponent(clientId)}`;

export const useClientDetail = (practiceId: string, clientId: string) =>
  useQuery({
    queryKey: ["client-detail", practiceId, clientId],
    queryFn: () => requestJson<ClientDetailResponse>(clientDetailPath(practiceId, clientId)),
    staleTime: 60_000,
    refetchOnWindowFocus: false,
    refetchOnReconnect: false,
    retry: false,
  });
