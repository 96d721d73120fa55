// Paged lists (decision 040): every list that grows with a practice or with time is read one page
// at a time, in a fixed order, from a cursor that names the last row seen (keyset paging), so a
// page costs the same however long the list is and rows added meanwhile are neither skipped nor
// repeated.
import { z } from "zod";

/** The largest page any list answers; a larger `limit` is refused (400), never silently cut. */
export const MAX_PAGE_SIZE = 100;
/** The page size when a request names none. */
export const DEFAULT_PAGE_SIZE = 50;

/** A cursor names the last row of a page by its sort key: when it was made (ms) and its id. */
export type PageCursor = { at: number; id: string };

const CURSOR_PATTERN = /^(\d{1,15})\.([A-Za-z0-9_-]{1,100})$/;

/** The cursor as sent: opaque to clients, who only hand back the `nextCursor` they were given. */
export function formatPageCursor(cursor: PageCursor): string {
  return `${cursor.at}.${cursor.id}`;
}

/** A cursor query parameter: anything not made by `formatPageCursor` is refused (400). */
export const pageCursorSchema = z
  .string()
  .regex(CURSOR_PATTERN, "not a cursor this server gave out")
  .transform((value): PageCursor => {
    const [, at, id] = CURSOR_PATTERN.exec(value) ?? [];
    return { at: Number(at), id: id ?? "" };
  });

/** `?limit=&cursor=`: the query of every paged list. Unknown parameters are refused (400). */
export const pageQuerySchema = z
  .object({
    limit: z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).default(DEFAULT_PAGE_SIZE),
    cursor: pageCursorSchema.optional(),
  })
  .strict();
export type PageQuery = z.infer<typeof pageQuerySchema>;

/** What every paged answer carries beside its rows: the cursor of the next page, or null on the last. */
export const nextCursorSchema = z.string().nullable();
