// Turn answers into "which answers moved this score, and which way".
import type { Instrument, ProfileItem } from "../instrument/instrument-types.js";
import { keyAnswer, labelScalePoint } from "../instrument/instrument-lookup.js";
import type { ItemInfluence } from "./score-types.js";

/** Influence of each answered item on its score, strongest first; neutral answers are left out. */
export function rankInfluences(instrument: Instrument, items: readonly ProfileItem[], answers: Readonly<Record<string, number | null | undefined>>): ItemInfluence[] {
  const midpoint = (instrument.scale.min + instrument.scale.max) / 2;
  const influences: ItemInfluence[] = [];
  for (const entry of items) {
    const answer = answers[entry.id];
    if (answer === null || answer === undefined) continue;
    const keyed = keyAnswer(entry, answer, instrument.scale.min, instrument.scale.max);
    if (keyed === midpoint) continue;
    influences.push({
      itemId: entry.id,
      plain: entry.plain,
      answer,
      answerLabel: labelScalePoint(instrument, answer),
      keyed,
      direction: keyed > midpoint ? "raised" : "lowered",
      strength: Math.abs(keyed - midpoint),
    });
  }
  // Stable tie-break on item id so explanations never flicker between identical inputs.
  return influences.sort((a, b) => b.strength - a.strength || a.itemId.localeCompare(b.itemId));
}

/** One sentence per influence, e.g. `You answered "Agree" to "I say what I think", which raised Voice.` */
export function describeInfluences(influences: readonly ItemInfluence[], scoreName: string): string {
  if (influences.length === 0) return `Your answers to ${scoreName} sat in the middle of the scale.`;
  return influences
    .map((entry) => `You answered "${entry.answerLabel}" to "${entry.plain}", which ${entry.direction} ${scoreName}.`)
    .join(" ");
}
