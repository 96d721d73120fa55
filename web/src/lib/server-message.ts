import type { TFunction } from "i18next";
import { ApiRequestError, NetworkError } from "./api-client";

/**
 * A message a person can act on for a failed account request. Known codes get our
 * own words; the server's password-policy messages are already written for people.
 */
export function describeAccountError(error: unknown, t: TFunction): string {
  if (error instanceof NetworkError) return t("app.networkError");
  if (!(error instanceof ApiRequestError)) return t("app.genericError");
  switch (error.code) {
    case "INVALID_EMAIL_OR_PASSWORD":
      return t("auth.invalidCredentials");
    case "INVALID_PASSWORD":
      return t("account.wrongCurrentPassword");
    case "INVALID_TWO_FACTOR_CODE":
      return t("account.wrongDeleteCode");
    case "USER_ALREADY_EXISTS":
    case "USER_ALREADY_EXISTS_USE_ANOTHER_EMAIL":
      return t("auth.emailTaken");
    default:
      return error.status >= 500 ? t("app.genericError") : error.message;
  }
}
