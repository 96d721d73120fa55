export { findEarlierResult, forgetOldResults, rememberResult, type IdempotentRequest } from "./idempotency.service.js";
export { requireValidIdempotencyKey } from "./idempotency.policy.js";
