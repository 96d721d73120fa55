// Pure rules of "who viewed my data": the opaque page cursor.
import type { ViewedScope, ViewerRole } from "@mutual/core";
import { DomainError } from "../../domain/errors.js";

/** One view of someone's data, as stored. */
/** `sittings`: every sitting's time, newest first (decision 064); the first is viewedAt. */
export type DataViewRecord = { id: string; viewerName: string; viewerRole: ViewerRole; scope: ViewedScope; viewedAt: number; sittings: number[] };

/** A read within this long of a row's first sitting is added to it (decision 064). */
export const SITTING_WINDOW_MS = 10 * 60 * 1000;
/** A row holds at most this many sittings; the next opens a new row, so a row stays small whatever a viewer does. */
export const MAX_SITTINGS_PER_ROW = 100;

/** The sittings of a stored row, newest first: its comma-separated times, or its one time for a row from before decision 064. */
export function sittingsOf(sittingTimes: string | null, viewedAt: number): number[] {
  if (sittingTimes === null || sittingTimes === "") return [viewedAt];
  return sittingTimes.split(",").map(Number).reverse();
}

export type Cursor = { viewedAt: number; id: string };

export function encodeCursor(cursor: Cursor): string {
  return Buffer.from(`${cursor.viewedAt}.${cursor.id}`, "utf8").toString("base64url");
}

/** The cursor a client sent back, or 400 INVALID_CURSOR when it is not one of ours. */
export function decodeCursor(value: string): Cursor {
  const text = Buffer.from(value, "base64url").toString("utf8");
  const match = /^(\d{1,16})\.([0-9a-f-]{36})$/.exec(text);
  if (!match) throw new DomainError(400, "INVALID_CURSOR", "That page marker is not valid.", [{ path: "before", message: "invalid cursor" }]);
  return { viewedAt: Number(match[1]), id: match[2]! };
}
