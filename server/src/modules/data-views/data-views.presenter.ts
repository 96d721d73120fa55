import type { DataViewsResponse } from "@mutual/core";
import type { DataViewRecord } from "./data-views.policy.js";

export function presentDataView(record: DataViewRecord): DataViewsResponse["views"][number] {
  return {
    id: record.id,
    viewer: { name: record.viewerName, role: record.viewerRole },
    scope: record.scope,
    viewedAt: new Date(record.viewedAt).toISOString(),
    sittings: record.sittings.map((at) => new Date(at).toISOString()),
  };
}
