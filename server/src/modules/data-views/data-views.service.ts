import type { Kysely } from "kysely";
import type { DataViewsResponse } from "@mutual/core";
import type { DB } from "../../db/schema.js";
import { setImmediate } from "node:timers/promises";
import { SITTING_WINDOW_MS, decodeCursor, encodeCursor, type DataViewRecord } from "./data-views.policy.js";
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

/** Rows of the export's pages: read and held one page at a time. */
const EXPORT_PAGE = 1000;
/** Room for clocks that differ a little between server processes. */
const CLOCK_MARGIN_MS = 60_000;

type View = DataViewsResponse["views"][number];

/** Newest first: the (viewedAt, id) order of the rows' index. */
const comesFirst = (a: DataViewRecord, b: DataViewRecord) => a.viewedAt > b.viewedAt || (a.viewedAt === b.viewedAt && a.id > b.id);

/**
 * Every view of the owner's data for their export at `now`, newest first, a page at a time (decision
 * 069). A read after `now` can still add a sitting to a row whose window opened within
 * SITTING_WINDOW_MS of it (decision 064), moving it to the top: those few rows are read at once
 * with `trx`, the export's transaction, so they agree with the rest of the export. No later read
 * can change the others, so they are read afterwards with `db` in keyset pages, letting the event
 * loop go between pages, and the open rows merged in at their place. Memory holds one page.
 */
export async function dataViewsForExport(trx: Kysely<DB>, db: Kysely<DB>, ownerId: string, now: number): Promise<AsyncIterable<View[]>> {
  const openedBy = now - SITTING_WINDOW_MS - CLOCK_MARGIN_MS;
  const open = await listDataViews(trx, ownerId, { openedAfter: openedBy });
  return (async function* pages() {
    let pending = open;
    let before: { viewedAt: number; id: string } | undefined;
    for (;;) {
      const page = await listDataViews(db, ownerId, { openedBy, limit: EXPORT_PAGE, ...(before ? { before } : {}) });
      const last = page.at(-1);
      const done = page.length < EXPORT_PAGE || !last;
      const merged: DataViewRecord[] = [];
      let next = 0;
      for (const record of page) {
        while (next < pending.length && comesFirst(pending[next]!, record)) merged.push(pending[next++]!);
        merged.push(record);
      }
      if (done) merged.push(...pending.slice(next));
      pending = pending.slice(next);
      yield merged.map(presentDataView);
      if (done) return;
      before = { viewedAt: last.viewedAt, id: last.id };
      await setImmediate();
    }
  })();
}

/** On a viewer's account deletion: their id leaves the audit rows; the owners keep the record of the view. */
export async function forgetViewer(db: Kysely<DB>, viewerId: string): Promise<void> {
  await clearViewer(db, viewerId);
}
