// What a counsellor may see of a client member's profile (decision 016): flags that may stand
// on any page, and the safety check only with the safety scope, never on a page for both partners.
import type { CounsellorFlagId, ShareableFlagId } from "@mutual/core";
import type { MemberFacts, SafetyCheckSummary, ScoreFacts } from "./dashboard.facts.js";

/** Flags of one profile that may stand anywhere the counsellor shows them, a couple's page included: never safety. */
export function shareableFlags(score: ScoreFacts): ShareableFlagId[] {
  return score.flagIds.filter((flag): flag is ShareableFlagId => flag !== "safety") as ShareableFlagId[];
}

/** Whether this profile's safety check raised a concern the member lets the counsellor see (the safety scope). */
export function hasVisibleSafetyConcern(score: ScoreFacts, member: Pick<MemberFacts, "scopes" | "safety">): boolean {
  return member.scopes.includes("safety") && member.safety.get(score.assessmentId)?.raised === true;
}

/**
 * Flags of one profile on the counsellor's own list of clients: the shareable ones, and safety only
 * with the safety scope. Never for a page that may be shared with both partners (see safetyCheckOf).
 */
export function visibleFlags(score: ScoreFacts, member: Pick<MemberFacts, "scopes" | "safety">): CounsellorFlagId[] {
  const flags: CounsellorFlagId[] = shareableFlags(score);
  return hasVisibleSafetyConcern(score, member) ? [...flags, "safety"] : flags;
}

/**
 * The member's safety check across their profiles, kept apart from every flag, for their counsellor
 * only: null without both the safety and the profile scope, or before a first profile.
 */
export function safetyCheckOf(member: Pick<MemberFacts, "scopes" | "safety" | "scores">): SafetyCheckSummary | null {
  const latest = member.scores.at(-1);
  if (!latest || !member.scopes.includes("safety") || !member.scopes.includes("profile")) return null;
  const raisedAt = member.scores.filter((score) => hasVisibleSafetyConcern(score, member)).map((score) => score.completedAt);
  return {
    concernNow: hasVisibleSafetyConcern(latest, member),
    skippedNow: member.safety.get(latest.assessmentId)?.skipped === true,
    firstConcernAt: raisedAt[0] ?? null,
    lastConcernAt: raisedAt.at(-1) ?? null,
  };
}
