// Per-respondent item order: different for each partner, identical on every reload for one person.
import type { Instrument } from "../instrument/instrument-types.js";
import { createMulberry32, hashCyrb53, shuffleWith } from "./seeded-random.js";

/** Deterministic item order for one respondent and instrument version; a SAFE item never comes first. */
export function orderItemsForRespondent(instrument: Instrument, respondentId: string): string[] {
  // Version is part of the seed so a new instrument version reshuffles rather than half-matching an old order.
  const seedText = `${respondentId}\u0000${instrument.id}@${instrument.version}`;
  const hash = hashCyrb53(seedText);
  // Fold the 53-bit hash into 32 bits for mulberry32.
  const seed = (hash % 4294967296) ^ Math.floor(hash / 4294967296);
  const order = shuffleWith(
    instrument.items.map((entry) => entry.id),
    createMulberry32(seed),
  );
  const safeIds = new Set(instrument.items.filter((entry) => entry.dimension === "SAFE").map((entry) => entry.id));
  // Opening with a question about fear would be jarring and could be seen over a shoulder: swap in the first non-SAFE item.
  const first = order[0];
  if (first !== undefined && safeIds.has(first)) {
    const swapIndex = order.findIndex((id) => !safeIds.has(id));
    if (swapIndex > 0) {
      order[0] = order[swapIndex] as string;
      order[swapIndex] = first;
    }
  }
  return order;
}
