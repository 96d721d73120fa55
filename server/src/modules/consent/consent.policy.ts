import { CONSENT_NOTICE_VERSION } from "@mutual/core";

/** A person's agreement to one version of the notice; timestamps in epoch milliseconds. */
export type ConsentRecord = { userId: string; noticeVersion: string; consentedAt: number };

/** True when the person agreed to the notice now in force. An older agreement does not count. */
export function hasCurrentConsent(record: Pick<ConsentRecord, "noticeVersion"> | null): boolean {
  return record !== null && record.noticeVersion === CONSENT_NOTICE_VERSION;
}

/** Agreement is recorded only for the notice now in force, so nobody agrees to text they were not shown. */
export function isCurrentNotice(noticeVersion: string): boolean {
  return noticeVersion === CONSENT_NOTICE_VERSION;
}
