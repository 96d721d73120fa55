// Test data for the answers most web tests need, typed by core's contracts so a change in the API
// is met here once, not in every test. Each takes overrides for what a test is about.
import type { ConsentStatus, CurrentAssessmentResponse, MeResponse } from "@mutual/core";

/** A signed-in person as GET /api/me describes them. */
export function aPerson(overrides: Partial<MeResponse["user"]> = {}): MeResponse["user"] {
  return { id: "u1", name: "Noor", email: "noor@x.test", emailVerified: true, twoFactorEnabled: false, createdAt: "2026-11-24T00:00:00.000Z", ...overrides };
}

/** GET /api/consent for someone who agreed to the notice of that day. */
export function consentGiven(on = "2026-11-24"): ConsentStatus {
  return { hasConsented: true, noticeVersion: on, consentedAt: `${on}T00:00:00.000Z` };
}

/** GET /api/consent for someone who has not agreed yet. */
export function consentNotGiven(noticeVersion = "2026-11-24"): ConsentStatus {
  return { hasConsented: false, noticeVersion, consentedAt: null };
}

/** GET /api/assessments/current for someone who has never started the assessment. */
export function noAssessmentYet(): CurrentAssessmentResponse {
  return { inProgress: null, completedCount: 0, lastCompletedAt: null, retakeAvailableAt: null };
}
