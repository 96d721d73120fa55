// Who can see a kind of a person's information right now, from what they share right now: the one
// source of every sentence that tells a person who sees what (decision 036). Pure, no I/O.
import type { CounsellingScope } from "../contracts/counselling.js";
import type { ShareScope } from "../contracts/couple.js";

/** The kinds of information a "who can see this" sentence speaks about. */
export const AUDIENCE_SUBJECTS = [
  "profile-scores",
  "profile-answers",
  "safety-check",
  "check-in-numbers",
  "check-in-notes",
  "exercises-done",
  "reflections",
] as const;
export type AudienceSubject = (typeof AUDIENCE_SUBJECTS)[number];

/** What the person shares right now: with their partner (if linked) and with each counsellor. */
export type SharingNow = {
  partner: { name: string; scopes: readonly ShareScope[] } | null;
  counsellors: ReadonlyArray<{ name: string; practice: string; scopes: readonly CounsellingScope[] }>;
};

/** Who can see one kind of information now, with the scopes that let them (in the scopes' own order). */
export type Audience = {
  subject: AudienceSubject;
  partner: { name: string; scopes: ShareScope[] } | null;
  counsellors: Array<{ name: string; practice: string; scopes: CounsellingScope[] }>;
  /** No share scope can ever carry this kind to a partner (decision 013): say so, it is a promise. */
  isNeverForPartner: boolean;
  /** No counselling scope carries this kind: a counsellor never sees it. */
  isNeverForCounsellor: boolean;
};

/**
 * Which scope carries each kind, to whom. A partner sees scores and trends and which exercises were
 * done; never single answers, the safety check, notes or reflections. A counsellor sees the profile
 * (scores and each answer, in their exports too), the safety check, check-ins, and notes and
 * reflections, each with its own scope (decision 015).
 */
const CARRIED_BY: Record<AudienceSubject, { partner: readonly ShareScope[]; counsellor: readonly CounsellingScope[] }> = {
  "profile-scores": { partner: ["overview", "dimensions"], counsellor: ["profile"] },
  "profile-answers": { partner: [], counsellor: ["profile"] },
  "safety-check": { partner: [], counsellor: ["safety"] },
  "check-in-numbers": { partner: ["check-in-trends"], counsellor: ["check-ins"] },
  "check-in-notes": { partner: [], counsellor: ["notes"] },
  "exercises-done": { partner: ["exercises"], counsellor: [] },
  reflections: { partner: [], counsellor: ["notes"] },
};

/** Who, besides the person, can see this kind of their information with what they share now. */
export function audienceOf(subject: AudienceSubject, sharing: SharingNow): Audience {
  const carried = CARRIED_BY[subject];
  const partnerScopes = sharing.partner ? carried.partner.filter((scope) => sharing.partner!.scopes.includes(scope)) : [];
  return {
    subject,
    partner: sharing.partner && partnerScopes.length > 0 ? { name: sharing.partner.name, scopes: partnerScopes } : null,
    counsellors: sharing.counsellors.flatMap((counsellor) => {
      const scopes = carried.counsellor.filter((scope) => counsellor.scopes.includes(scope));
      return scopes.length > 0 ? [{ name: counsellor.name, practice: counsellor.practice, scopes }] : [];
    }),
    isNeverForPartner: carried.partner.length === 0,
    isNeverForCounsellor: carried.counsellor.length === 0,
  };
}

/** True when nobody but the person can see this kind now. */
export function isOnlyTheirs(audience: Audience): boolean {
  return audience.partner === null && audience.counsellors.length === 0;
}
