// Per-respondent item order: different for each partner, identical on every reload for one person.
// SAFE items form their own final section so the UI can say "this part is private" before it.
import type { Instrument } from "../instrument/instrument-types.js";
import { createMulberry32, hashCyrb53, shuffleWith } from "./seeded-random.js";

export type ItemSection = {
  id: "profile" | "safety-check";
  /** True for the SAFE section: its answers are never scored or shown to a partner. */
  isPrivate: boolean;
  itemIds: string[];
};

/** Deterministic sections for one respondent and instrument version: the shuffled profile, then the shuffled SAFE items. */
export function orderItemSections(instrument: Instrument, respondentId: string): ItemSection[] {
  // Version is part of the seed so a new instrument version reshuffles rather than half-matching an old order.
  const seedText = `${respondentId}\u0000${instrument.id}@${instrument.version}`;
  const hash = hashCyrb53(seedText);
  // Fold the 53-bit hash into 32 bits for mulberry32.
  const seed = (hash % 4294967296) ^ Math.floor(hash / 4294967296);
  const random = createMulberry32(seed);
  const profileIds = instrument.items.filter((entry) => entry.dimension !== "SAFE").map((entry) => entry.id);
  const safeIds = instrument.items.filter((entry) => entry.dimension === "SAFE").map((entry) => entry.id);
  const sections: ItemSection[] = [{ id: "profile", isPrivate: false, itemIds: shuffleWith(profileIds, random) }];
  // Last, never first: opening with a question about fear would be jarring and easy to see over a shoulder.
  if (safeIds.length > 0) sections.push({ id: "safety-check", isPrivate: true, itemIds: shuffleWith(safeIds, random) });
  return sections;
}

/** The same order as one flat list of item ids (profile section, then the SAFE section). */
export function orderItemsForRespondent(instrument: Instrument, respondentId: string): string[] {
  return orderItemSections(instrument, respondentId).flatMap((section) => section.itemIds);
}
