export { retentionJobName, startRetentionSweep, sweepExpiredRows } from "./retention.service.js";
export { rateLimitKeepMs, retentionCutoffs } from "./retention.policy.js";
