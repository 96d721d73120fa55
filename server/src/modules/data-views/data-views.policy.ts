// Pure rules of "who viewed my data": the opaque page cursor.
import type { ViewedScope, ViewerRole } from "@mutual/core";
import { DomainError } from "../../domain/errors.js";

/** One view of someone's data, as stored. */
export type DataViewRecord = { id: string; viewerName: string; viewerRole: ViewerRole; scope: ViewedScope; viewedAt: number };

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
