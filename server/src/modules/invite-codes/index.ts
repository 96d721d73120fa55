export { FAILED_ATTEMPTS_LIMIT, FAILED_ATTEMPTS_WINDOW_MS, INVITE_TTL_MS, isInviteOpen, requireCodeShape, requireNotThrottled } from "./invite-codes.policy.js";
export { asThrottledAttempt, canonicalCodeOrFail, type FailAttempt } from "./invite-codes.service.js";
