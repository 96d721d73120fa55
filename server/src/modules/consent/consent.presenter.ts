import { CONSENT_NOTICE_VERSION, type ConsentStatus } from "@mutual/core";
import type { ConsentRecord } from "./consent.policy.js";
import { hasCurrentConsent } from "./consent.policy.js";

/** What GET/POST /api/consent return, named field by field. */
export function presentConsent(record: ConsentRecord | null): ConsentStatus {
  const current = hasCurrentConsent(record);
  return {
    hasConsented: current,
    noticeVersion: CONSENT_NOTICE_VERSION,
    consentedAt: current && record ? new Date(record.consentedAt).toISOString() : null,
  };
}
