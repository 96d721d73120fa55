import { z } from "zod";

/**
 * The version of the plain-language notice a person agrees to before any question.
 * The notice text lives in the web catalogue; bump this when its meaning changes, and
 * everyone is asked again. 2026-12-07: the notice no longer says sharing is "not switched on yet"
 * (it is, with partners and counsellors), so people who agreed to that wording read the true one.
 */
export const CONSENT_NOTICE_VERSION = "2026-12-07";

/** GET /api/consent and the answer to POST /api/consent. */
export const consentStatusSchema = z.object({
  /** True when the person agreed to the current notice version. */
  hasConsented: z.boolean(),
  /** The notice version in force (the one to show and agree to). */
  noticeVersion: z.string(),
  /** When they agreed to it (ISO 8601), or null. */
  consentedAt: z.string().nullable(),
});
export type ConsentStatus = z.infer<typeof consentStatusSchema>;

/** POST /api/consent: an explicit agreement to one notice version. */
export const giveConsentRequestSchema = z
  .object({
    noticeVersion: z.string().min(1).max(40),
    agree: z.literal(true),
  })
  .strict();
export type GiveConsentRequest = z.infer<typeof giveConsentRequestSchema>;
