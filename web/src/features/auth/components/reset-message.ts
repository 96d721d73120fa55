import type { TFunction } from "i18next";
import { ApiRequestError } from "../../../lib/api-client";
import { describeAccountError } from "../../../lib/server-message";

/** The emailed token is unknown, expired or already used: only a new link helps. */
export function isDeadResetLink(error: unknown): boolean {
  return error instanceof ApiRequestError && error.code === "INVALID_TOKEN";
}

/** Words for a failed reset request; the limiter's 429 included (three a minute per address). */
export function describeResetError(error: unknown, t: TFunction): string {
  if (error instanceof ApiRequestError && error.status === 429) return t("passwordReset.tooManyRequests");
  return describeAccountError(error, t);
}
