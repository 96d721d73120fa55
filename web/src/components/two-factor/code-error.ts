import type { TFunction } from "i18next";
import { ApiRequestError, NetworkError } from "../../lib/api-client";

/** A message for a refused code: wrong, expired step, locked, or a network failure. */
export function describeCodeError(error: unknown, t: TFunction): string {
  if (error instanceof NetworkError) return t("app.networkError");
  if (error instanceof ApiRequestError) {
    if (error.status === 429 || error.code === "TOO_MANY_ATTEMPTS_REQUEST_NEW_CODE" || error.code === "ACCOUNT_TEMPORARILY_LOCKED")
      return t("twoFactor.tooManyAttempts");
    if (error.code === "INVALID_TWO_FACTOR_COOKIE" || error.code === "OTP_HAS_EXPIRED") return t("twoFactor.stepExpired");
    if (error.status === 400 || error.status === 401) return t("twoFactor.wrongCode");
  }
  return t("app.genericError");
}
