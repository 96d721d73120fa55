import { ApiRequestError } from "../../../lib/api-client";
import { intlLocale } from "../../../lib/language";

/** A date as people read it where they are, e.g. "1 December 2026". */
export function formatDate(value: string, language: string): string {
  return new Intl.DateTimeFormat(intlLocale(language), { dateStyle: "long" }).format(new Date(value));
}

/** A date and time in the reader's own time zone. */
export function formatDateTime(value: string, language: string): string {
  return new Intl.DateTimeFormat(intlLocale(language), { dateStyle: "medium", timeStyle: "short" }).format(new Date(value));
}

/** The error code of a failed request, if the server gave one. */
export function errorCodeOf(error: unknown): string | undefined {
  return error instanceof ApiRequestError ? error.code : undefined;
}
