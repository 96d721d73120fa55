import type { TFunction } from "i18next";
import { ApiRequestError, NetworkError } from "../../../lib/api-client";

/** A message a person can act on for a failed practice request. */
export function describePracticeError(error: unknown, t: TFunction): string {
  if (error instanceof NetworkError) return t("app.networkError");
  if (!(error instanceof ApiRequestError)) return t("app.genericError");
  switch (error.code) {
    case "USER_IS_ALREADY_A_MEMBER_OF_THIS_ORGANIZATION":
      return t("counsellingPractice.errors.alreadyMember");
    case "YOU_ARE_NOT_ALLOWED_TO_INVITE_USERS_TO_THIS_ORGANIZATION":
    case "YOU_ARE_NOT_ALLOWED_TO_UPDATE_THIS_MEMBER":
    case "YOU_ARE_NOT_ALLOWED_TO_DELETE_THIS_MEMBER":
    case "YOU_ARE_NOT_ALLOWED_TO_CANCEL_THIS_INVITATION":
      return t("counsellingPractice.errors.notAllowed");
    case "YOU_CANNOT_LEAVE_THE_ORGANIZATION_AS_THE_ONLY_OWNER":
    case "YOU_CANNOT_LEAVE_THE_ORGANIZATION_WITHOUT_AN_OWNER":
      return t("counsellingPractice.errors.lastOwner");
    case "YOU_ARE_NOT_THE_RECIPIENT_OF_THE_INVITATION":
      return t("counsellingPractice.errors.notRecipient");
    case "INVITATION_NOT_FOUND":
      return t("counsellingPractice.errors.invitationGone");
    default:
      if (error.status === 404) return t("counsellingPractice.errors.notFound");
      return error.status >= 500 ? t("app.genericError") : error.message;
  }
}
