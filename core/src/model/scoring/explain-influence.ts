// Turn answers into "which answers moved this score, and which way".
import type { Instrument, ProfileItem } from "../instrument/instrument-types.js";
import { keyAnswer, labelScalePoint } from "../instrument/instrument-lookup.js";
import type { ProfileAnswers } from "../instrument/profile-answers.js";
import { readValidAnswer } from "../instrument/read-answer.js";
import { MODEL_THRESHOLDS } from "../model-thresholds.js";
import type { ItemInfluence } from "./score-types.js";
import { describeInfluencesIn } from "./score-text.js";

/** The influence of one valid answer; a neutral answer gets strength 0. */
export function buildInfluence(instrument: Instrument, entry: ProfileItem, answer: number): ItemInfluence {
  const midpoint = (instrument.scale.min + instrument.scale.max) / 2;
  const keyed = keyAnswer(entry, answer, instrument.scale.min, instrument.scale.max);
  return {
    itemId: entry.id,
    plain: entry.plain,
    text: entry.text,
    answer,
    answerLabel: labelScalePoint(instrument, answer),
    keyed,
    direction: keyed >= midpoint ? "raised" : "lowered",
    strength: Math.abs(keyed - midpoint),
  };
}

/** Strongest first; ties broken by item id in code-unit order, which no locale setting can change. */
export function compareInfluences(a: ItemInfluence, b: ItemInfluence): number {
  if (b.strength !== a.strength) return b.strength - a.strength;
  return a.itemId < b.itemId ? -1 : a.itemId > b.itemId ? 1 : 0;
}

/** The `limit` strongest influences (default: the explanation size), without touching the input. */
export function selectStrongest(influences: readonly ItemInfluence[], limit: number = MODEL_THRESHOLDS.scoring.explanationSize): ItemInfluence[] {
  return [...influences].sort(compareInfluences).slice(0, limit);
}

/** Influence of each validly answered item on its score, strongest first; neutral answers are left out. */
export function rankInfluences(instrument: Instrument, items: readonly ProfileItem[], answers: ProfileAnswers): ItemInfluence[] {
  const influences: ItemInfluence[] = [];
  for (const entry of items) {
    const answer = readValidAnswer(instrument, answers, entry.id);
    if (answer === undefined) continue;
    const influence = buildInfluence(instrument, entry, answer);
    if (influence.strength > 0) influences.push(influence);
  }
  return influences.sort(compareInfluences);
}

/**
 * One sentence per influence, quoting only the item's exact words (a paraphrase in quotation marks
 * would put words in the person's mouth), e.g. `To "I can say no to my partner." you answered "Agree". That raised this score.`
 * It always stands beside the score it explains, so the score is not named again (long names made it hard to read).
 * In English, as the scorer stores it; a presenter says it in another language with describeInfluencesIn.
 */
export function describeInfluences(influences: readonly ItemInfluence[], scoreName: string): string {
  return describeInfluencesIn(influences, scoreName, "en");
}
