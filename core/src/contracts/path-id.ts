import { z } from "zod";

/**
 * An id taken from a URL path. PostgreSQL text cannot hold a NUL character, so an id with one
 * would fail its query with a server error instead of a plain "not found": refuse it here (400).
 */
export function pathIdSchema(maxLength: number) {
  return z
    .string()
    .min(1)
    .max(maxLength)
    .refine((value) => !value.includes("\u0000"), "must not contain a NUL character");
}
