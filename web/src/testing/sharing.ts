import type { CounsellingRelationsResponse, CounsellingScope, CoupleStateResponse, ShareScope } from "@mutual/core";

/** What the signed-in person shares, for tests: with a partner named Ana, and with Dr Lee at Clear Path. */
export type SharingFixture = { partnerScopes?: readonly ShareScope[] | null; counsellorScopes?: readonly CounsellingScope[] | null };

/** The answers to GET /api/couple and GET /api/counselling for that sharing (null: not linked / no counsellor). */
export function sharingAnswers({ partnerScopes = null, counsellorScopes = null }: SharingFixture = {}) {
  const couple: CoupleStateResponse = {
    invite: null,
    couple: partnerScopes === null ? null : { since: "2026-11-01T00:00:00.000Z", partner: { name: "Ana" }, myScopes: [...partnerScopes], partnerScopes: [] },
    lastEndedAt: null,
  };
  const counselling: CounsellingRelationsResponse = {
    relations:
      counsellorScopes === null
        ? []
        : [
            {
              clientId: "c1",
              practice: { name: "Clear Path" },
              counsellor: { name: "Dr Lee" },
              kind: "individual",
              scopes: [...counsellorScopes],
              since: "2026-11-01T00:00:00.000Z",
            },
          ],
  };
  return {
    "GET /api/couple": { status: 200, body: couple },
    "GET /api/counselling": { status: 200, body: counselling },
  };
}
