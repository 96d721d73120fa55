import { randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import type { ViewedScope, ViewerRole } from "@mutual/core";
import type { DB } from "../../db/schema.js";
import type { DataViewRecord } from "./data-views.policy.js";

export type NewDataView = { ownerId: string; viewerId: string; viewerName: string; viewerRole: ViewerRole; scope: ViewedScope; viewedAt: number };

export async function insertDataViews(db: Kysely<DB>, views: readonly NewDataView[]): Promise<void> {
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
      })),
    )
    .execute();
}

/** Views of the owner's data, newest first, strictly before the (viewedAt, id) cursor when given. */
export async function listDataViews(
  db: Kysely<DB>,
  ownerId: string,
  options: { before?: { viewedAt: number; id: string }; limit: number },
): Promise<DataViewRecord[]> {
  let query = db.selectFrom("data_view").select(["id", "viewer_name", "viewer_role", "scope", "viewed_at"]).where("owner_id", "=", ownerId);
  const before = options.before;
  if (before) {
    query = query.where((eb) => eb.or([eb("viewed_at", "<", before.viewedAt), eb.and([eb("viewed_at", "=", before.viewedAt), eb("id", "<", before.id)])]));
  }
  const rows = await query.orderBy("viewed_at", "desc").orderBy("id", "desc").limit(options.limit).execute();
  return rows.map((row) => ({ id: row.id, viewerName: row.viewer_name, viewerRole: row.viewer_role, scope: row.scope, viewedAt: Number(row.viewed_at) }));
}

/** Forgets which account viewed (the name snapshot stays in the owner's record): on the viewer's account deletion. */
export async function clearViewer(db: Kysely<DB>, viewerId: string): Promise<void> {
  await db.updateTable("data_view").set({ viewer_id: null }).where("viewer_id", "=", viewerId).execute();
}
