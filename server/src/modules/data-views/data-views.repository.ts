import { randomUUID } from "node:crypto";
import { sql, type Kysely } from "kysely";
import type { ViewedScope, ViewerRole } from "@mutual/core";
import type { DB } from "../../db/schema.js";
import { MAX_SITTINGS_PER_ROW, SITTING_WINDOW_MS, sittingsOf, type DataViewRecord } from "./data-views.policy.js";

export type NewDataView = { ownerId: string; viewerId: string; viewerName: string; viewerRole: ViewerRole; scope: ViewedScope; viewedAt: number };

/** At most this many views are added to open rows (one owner's condition each in the update); more are a row each. */
const OWNERS_PER_UPDATE = 150;

/**
 * Records sittings (decision 064): each view is added to the open row of its viewer, owner, role and
 * scope (opened less than SITTING_WINDOW_MS ago, under MAX_SITTINGS_PER_ROW sittings) by one update
 * per viewer and owner, which counts it and appends its time; the views with no open row get a row
 * of their own. Run in the read's transaction, so the read and its record commit together.
 */
export async function insertDataViews(db: Kysely<DB>, views: readonly NewDataView[]): Promise<void> {
  if (views.length === 0) return;
  // A whole-practice export audits thousands of people in one sitting: each gets a row, as before.
  if (views.length > OWNERS_PER_UPDATE) return insertRows(db, views);
  // One update per viewer and moment (a dashboard page audits up to 50 people at once), matching
  // each owner's own scopes.
  const groups = new Map<string, NewDataView[]>();
  for (const view of views) {
    const key = `${view.viewerId} ${view.viewerRole} ${view.viewedAt}`;
    const group = groups.get(key);
    if (group) group.push(view);
    else groups.set(key, [view]);
  }
  const fresh: NewDataView[] = [];
  for (const group of groups.values()) {
    const first = group[0]!;
    const scopesOf = new Map<string, Set<ViewedScope>>();
    for (const view of group) scopesOf.set(view.ownerId, (scopesOf.get(view.ownerId) ?? new Set()).add(view.scope));
    const opensAfter = first.viewedAt - SITTING_WINDOW_MS;
    const extended = await db
      .updateTable("data_view")
      .set({
        sittings: sql`sittings + 1`,
        viewed_at: first.viewedAt,
        sitting_times: sql`sitting_times || ${`,${first.viewedAt}`}`,
      })
      .where((eb) =>
        eb.or(
          // Through the owner's time index: an open row's latest sitting is inside the window too.
          [...scopesOf].map(([ownerId, scopes]) => eb.and([eb("owner_id", "=", ownerId), eb("viewed_at", ">", opensAfter), eb("scope", "in", [...scopes])])),
        ),
      )
      .where("first_viewed_at", ">", opensAfter)
      // Not through the viewer's index: a counsellor can have millions of rows; the owners' have few.
      .where(sql`coalesce(viewer_id, '')`, "=", first.viewerId)
      .where("viewer_role", "=", first.viewerRole)
      .where("sittings", "<", MAX_SITTINGS_PER_ROW)
      .returning(["owner_id", "scope"])
      .execute();
    const done = new Set(extended.map((row) => `${row.owner_id} ${row.scope}`));
    // One sitting per owner and scope a read carried, recorded once.
    for (const view of group) {
      const key = `${view.ownerId} ${view.scope}`;
      if (done.has(key)) continue;
      done.add(key);
      fresh.push(view);
    }
  }
  await insertRows(db, fresh);
}

async function insertRows(db: Kysely<DB>, views: readonly NewDataView[]): Promise<void> {
  if (views.length === 0) return;
  await db
    .insertInto("data_view")
    .values(
      views.map((view) => ({
        id: randomUUID(),
        owner_id: view.ownerId,
        viewer_id: view.viewerId,
        viewer_name: view.viewerName,
        viewer_role: view.viewerRole,
        scope: view.scope,
        viewed_at: view.viewedAt,
        sittings: 1,
        first_viewed_at: view.viewedAt,
        sitting_times: String(view.viewedAt),
      })),
    )
    .execute();
}

/** Views of the owner's data, newest first, strictly before the (viewedAt, id) cursor when given. */
export async function listDataViews(
  db: Kysely<DB>,
  ownerId: string,
  options: {
    before?: { viewedAt: number; id: string };
    /** At most this many; all when absent. */
    limit?: number;
    /** Only rows whose window opened after this (sittings may still be added to them). */
    openedAfter?: number;
    /** Only rows whose window opened at or before this, or that have none (no sitting can be added to them any more). */
    openedBy?: number;
  },
): Promise<DataViewRecord[]> {
  let query = db.selectFrom("data_view").select(["id", "viewer_name", "viewer_role", "scope", "viewed_at", "sitting_times"]).where("owner_id", "=", ownerId);
  const before = options.before;
  if (before) {
    // The plain bound lets the owner's (owner_id, viewed_at) index start at the cursor; without it
    // PostgreSQL read the owner's rows from the newest down to the cursor on every page.
    query = query
      .where("viewed_at", "<=", before.viewedAt)
      .where((eb) => eb.or([eb("viewed_at", "<", before.viewedAt), eb.and([eb("viewed_at", "=", before.viewedAt), eb("id", "<", before.id)])]));
  }
  const { openedAfter, openedBy } = options;
  if (openedAfter !== undefined) query = query.where("first_viewed_at", ">", openedAfter);
  if (openedBy !== undefined) query = query.where((eb) => eb.or([eb("first_viewed_at", "is", null), eb("first_viewed_at", "<=", openedBy)]));
  query = query.orderBy("viewed_at", "desc").orderBy("id", "desc");
  const rows = await (options.limit === undefined ? query : query.limit(options.limit)).execute();
  return rows.map((row) => ({
    id: row.id,
    viewerName: row.viewer_name,
    viewerRole: row.viewer_role,
    scope: row.scope,
    viewedAt: Number(row.viewed_at),
    sittings: sittingsOf(row.sitting_times, Number(row.viewed_at)),
  }));
}

/** Forgets which account viewed (the name snapshot stays in the owner's record): on the viewer's account deletion. */
export async function clearViewer(db: Kysely<DB>, viewerId: string): Promise<void> {
  await db.updateTable("data_view").set({ viewer_id: null }).where("viewer_id", "=", viewerId).execute();
}
