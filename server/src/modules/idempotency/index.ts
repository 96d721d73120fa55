export { findEarlierResult, forgetOldResults, rememberResult, type IdempotentRequest } from "./idempotency.service.js";
export { idempotencyKeepMs, requireValidIdempotencyKey } from "./idempotency.policy.js";
