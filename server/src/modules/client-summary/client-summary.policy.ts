// How the summary rows encode flags (decision 018): pure, so a unit test can hold it to core's list.

/**
 * Each shareable flag's bit in latest_flag_bits and seen_flag_bits (an integer reads far faster
 * than a JSON list). Stored data: a bit never changes meaning; a new flag takes a new bit, and
 * the rows are then rebuilt (delete them; the next dashboard read recomputes them).
 */
export const FLAG_BITS: Readonly<Record<string, number>> = {
  "power-imbalance": 1,
  "codependency-risk": 2,
  "low-intimacy": 4,
  "low-support": 8,
  "difference-reflection": 16,
  "social-withdrawal": 32,
};

const flagIdsByMask = new Map<number, string[]>();
/** The flag ids of a stored mask; each mask's list is made once (there are at most 64). */
export function flagIdsOf(mask: number | null): string[] {
  const key = Number(mask ?? 0);
  let ids = flagIdsByMask.get(key);
  if (!ids) {
    ids = Object.entries(FLAG_BITS).flatMap(([id, value]) => ((key & value) !== 0 ? [id] : []));
    flagIdsByMask.set(key, ids);
  }
  return ids;
}
