import type { Kysely } from "kysely";
import type { DataViewsResponse } from "@mutual/core";
import type { DB } from "../../db/schema.js";
import { decodeCursor, encodeCursor } from "./data-views.policy.js";
import { presentDataView } from "./data-views.presenter.js";
import { clearViewer, insertDataViews, listDataViews, type NewDataView } from "./data-views.repository.js";

export type DataViewsDeps = { db: Kysely<DB> };
export type { NewDataView };

/** Every view of the owner's data by someone else, newest first, one page at a time. */
export async function listViewsOfMyData(
  deps: DataViewsDeps,
  ownerId: string,
  query: { before?: string | undefined; limit: number },
): Promise<DataViewsResponse> {
  const before = query.before === undefined ? undefined : decodeCursor(query.before);
  const rows = await listDataViews(deps.db, ownerId, { ...(before ? { before } : {}), limit: query.limit + 1 });
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return { views: page.map(presentDataView), nextBefore: rows.length > query.limit && last ? encodeCursor({ viewedAt: last.viewedAt, id: last.id }) : null };
}

/**
 * Records views of someone's data, with the connection of the read they record (the caller's
 * transaction): the read and its audit rows commit together or not at all.
 */
export async function recordDataViews(trx: Kysely<DB>, views: readonly NewDataView[]): Promise<void> {
  await insertDataViews(trx, views);
}

/** Every view of the owner's data (for their export), newest first. */
export async function listDataViewsForExport(db: Kysely<DB>, ownerId: string): Promise<DataViewsResponse["views"]> {
  const rows = await listDataViews(db, ownerId, { limit: 1_000_000 });
  return rows.map(presentDataView);
}

/** On a viewer's account deletion: their id leaves the audit rows; the owners keep the record of the view. */
export async function forgetViewer(db: Kysely<DB>, viewerId: string): Promise<void> {
  await clearViewer(db, viewerId);
}
