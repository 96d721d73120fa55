// Scores and flags of completed assessments, kept briefly in memory. A completed assessment's
// answers never change (saving and submitting lock the row, and saving refuses once it is
// submitted), so what is computed from them cannot go stale; the cache only saves recomputing
// on every profile read. Bounded and short-lived: every read and every write first drops the
// entries older than the time to live, so after an account is deleted its results leave memory
// within that time (at the next profile read of anyone), not only when the same id is read again.
// What is kept holds no reader's language: the model's facts and its English; each read says them
// in its own page's language (decision 081), so words never pass from one reader to another.
import type { OwnerFlagView, Profile } from "@mutual/core";

export type ScoredResult = { profile: Profile; owner: OwnerFlagView };

const maxEntries = 2_000;
/** How long a result stays; also the longest a deleted person's results can stay in memory while the server is in use. */
export const scoredTtlMs = 5 * 60 * 1000;

// Maps iterate in insertion order, and keepScored re-inserts on every write, so the first
// entry is always the oldest: expiry and the size bound both drop from the front.
const entries = new Map<string, { value: ScoredResult; storedAt: number }>();

function dropExpired(now: number): void {
  for (const [id, entry] of entries) {
    if (now - entry.storedAt <= scoredTtlMs) break;
    entries.delete(id);
  }
}

/** The cached result for a completed assessment, or undefined. */
export function readScored(assessmentId: string): ScoredResult | undefined {
  dropExpired(performance.now());
  return entries.get(assessmentId)?.value;
}

/** Keep the result of a completed assessment (never one in progress: its answers still change). */
export function keepScored(assessmentId: string, value: ScoredResult): void {
  const now = performance.now();
  dropExpired(now);
  entries.delete(assessmentId);
  entries.set(assessmentId, { value, storedAt: now });
  while (entries.size > maxEntries) {
    const oldest = entries.keys().next().value;
    if (oldest === undefined) break;
    entries.delete(oldest);
  }
}

/** How many results are held (for tests). */
export function scoredCacheSize(): number {
  return entries.size;
}
