// What the dashboard knows of each client member, already cut down to what they share now: the
// service reads nothing a scope does not allow. Shared by the policy (what the counsellor may see)
// and the rules (what the dashboard says of it).
import type { CounsellingScope, ScoreKey } from "@mutual/core";

/** What one profile's safety check found (the assessment module's SafetyCheckResult). */
export type SafetyCheckFacts = { raised: boolean; skipped: boolean };

/** The safety check across a member's profiles, as the detail shows it apart from the flags. */
export type SafetyCheckSummary = { concernNow: boolean; skippedNow: boolean; firstConcernAt: number | null; lastConcernAt: number | null };

/** One stored score row, as the assessment module gives it. */
export type ScoreFacts = {
  assessmentId: string;
  completedAt: number;
  scores: Record<ScoreKey, number | null>;
  pattern: string | null;
  flagIds: readonly string[];
};

/** What the dashboard knows of one client member, already cut down to their scopes. */
export type MemberFacts = {
  clientId: string;
  kind: "individual" | "couple";
  userId: string;
  name: string;
  joinedAt: number;
  scopes: readonly CounsellingScope[];
  /** Oldest first; empty (and unused) without the profile scope. */
  scores: readonly ScoreFacts[];
  /** Assessment id → what its safety check found; only filled with the safety scope. */
  safety: ReadonlyMap<string, SafetyCheckFacts>;
  /** Null without the check-ins scope or without any check-in; `isDeclining` as of that check-in (decision 035). */
  latestCheckIn: { week: string; updatedAtMs: number; isDeclining: boolean } | null;
  /** When this counsellor last opened this member's detail; null if never. */
  lastViewedAt: number | null;
};
