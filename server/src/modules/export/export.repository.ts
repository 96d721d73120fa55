import type { Kysely } from "kysely";
import type { DB } from "../../db/schema.js";

export type SessionForExport = { createdAt: Date; expiresAt: Date; userAgent: string | null };

/** Better Auth stores dates as Date (PostgreSQL) or text/epoch (SQLite). */
function toDate(value: Date | string | number): Date {
  if (value instanceof Date) return value;
  if (typeof value === "number" || /^\d+$/.test(value)) return new Date(Number(value));
  return new Date(value);
}

/**
 * The person's sign-in sessions: when each began and ends, and the browser it named. Never
 * the token (it would sign them in) nor the IP address (not needed to recognise a device).
 */
export async function listSessionsForExport(db: Kysely<DB>, userId: string): Promise<SessionForExport[]> {
  const rows = await db.selectFrom("session").select(["createdAt", "expiresAt", "userAgent"]).where("userId", "=", userId).execute();
  return rows
    .map((row) => ({ createdAt: toDate(row.createdAt), expiresAt: toDate(row.expiresAt), userAgent: row.userAgent }))
    .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
}
