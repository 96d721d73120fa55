import { useInfiniteQuery } from "@tanstack/react-query";
import type { DataViewsResponse } from "@mutual/core";
import { requestJson } from "../../../lib/api-client";

export type { DataViewsResponse };
export type DataView = DataViewsResponse["views"][number];

/** Every view of my data by someone else, newest first, a page at a time ("Show older" asks for the next). */
export function useDataViews() {
  return useInfiniteQuery({
    queryKey: ["data-views"],
    initialPageParam: null as string | null,
    queryFn: ({ pageParam }) =>
      requestJson<DataViewsResponse>(pageParam === null ? "/api/data-views" : `/api/data-views?before=${encodeURIComponent(pageParam)}`),
    getNextPageParam: (lastPage) => lastPage.nextBefore,
    staleTime: 0,
  });
}
