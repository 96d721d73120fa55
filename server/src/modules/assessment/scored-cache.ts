// Scores and flags of completed assessments, kept briefly in memory. A completed assessment's
// answers never change (saving refuses once it is submitted), so what is computed from them
// cannot go stale; the cache only saves recomputing on every profile read. Bounded and short-
// lived, so nothing of a person who deleted their account stays in memory for long.
import type { OwnerFlagView, Profile } from "@mutual/core";

export type ScoredResult = { profile: Profile; owner: OwnerFlagView };

const maxEntries = 2_000;
const ttlMs = 10 * 60 * 1000;

const entries = new Map<string, { value: ScoredResult; storedAt: number }>();

/** The cached result for a completed assessment, or undefined. */
export function readScored(assessmentId: string): ScoredResult | undefined {
  const entry = entries.get(assessmentId);
  if (!entry) return undefined;
  if (performance.now() - entry.storedAt > ttlMs) {
    entries.delete(assessmentId);
    return undefined;
  }
  return entry.value;
}

/** Keep the result of a completed assessment (never one in progress: its answers still change). */
export function keepScored(assessmentId: string, value: ScoredResult): void {
  entries.delete(assessmentId);
  entries.set(assessmentId, { value, storedAt: performance.now() });
  // Maps iterate in insertion order: the first key is the oldest entry.
  while (entries.size > maxEntries) {
    const oldest = entries.keys().next().value;
    if (oldest === undefined) break;
    entries.delete(oldest);
  }
}
