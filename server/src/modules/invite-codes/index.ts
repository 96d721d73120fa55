export {
  FAILED_ATTEMPTS_LIMIT,
  FAILED_ATTEMPTS_WINDOW_MS,
  INVITE_TTL_MS,
  inviteCodeNotFound,
  inviteExpiresAt,
  isInviteOpen,
  requireCodeShape,
  requireNotOwnInviteCode,
  requireNotThrottled,
} from "./invite-codes.policy.js";
export {
  againOnUniqueViolation,
  asThrottledAttempt,
  canonicalCodeOrFail,
  drawInviteCode,
  isUniqueViolation,
  type FailAttempt,
} from "./invite-codes.service.js";
